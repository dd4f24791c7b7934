/** Issue 17: the delivery function's entry (the SQS delivery queue's consumer); see ./handler.ts. */
export { deliveryHandler as handler } from './handler.js';
