// Refusals of the pre-signed upload URL of user import jobs. Cognito's URL is on S3, so they are
// S3's errors: a status and an XML <Error> naming Code and Message
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
import { HttpError } from './http-error.js';

export class S3Error extends HttpError {
  override readonly name = 'S3Error';
}
