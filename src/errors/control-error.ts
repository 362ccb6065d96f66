// Failures of the test-control API (/_emulator/*): {"error", "message"} with 400 or 404.
import { HttpError } from './http-error.js';

export class ControlError extends HttpError {
  override readonly name = 'ControlError';
  constructor(error: string, message: string, status = 400) {
    super(error, message, status);
  }
}
