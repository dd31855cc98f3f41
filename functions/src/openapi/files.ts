import { apiDocsPaths } from '@crux/api/docs';
import { openApiDocument } from './document';
import { referencePage, referenceStyleHash } from './reference-page';

export type ApiDocs = { document: string; page: string; styleHash: string };

/** The two files of the API reference, made once from the route table: the document and its page. */
export function apiDocs(): ApiDocs {
  const document = openApiDocument();
  return {
    document: `${JSON.stringify(document, null, 2)}\n`,
    page: referencePage(document as never, apiDocsPaths.document),
    styleHash: referenceStyleHash,
  };
}
