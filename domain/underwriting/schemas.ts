/**
 * The request schemas under their former module name, for the console's form tests (web/src/pages/insurer/
 * *-form.test.ts) until they import `policy-commands.schema.ts` and `qualification.schema.ts` directly; then
 * this file goes. Nothing in domain/ or functions/ imports it.
 */
export { issuePolicyBody } from './policy-commands.schema.js';
export { putQualificationBody } from './qualification.schema.js';
