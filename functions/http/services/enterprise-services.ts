import {
  confirmScheduleBody,
  enterpriseConfirmBody,
  evidenceUploadBody,
  hazardSchema,
  rectificationBody,
  serviceSchema,
} from '../../../domain/services/schemas.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { pageOf } from '../zod.js';
import { ownHazard, ownService, serviceDeps } from './deps.js';
import { hazardEvidenceUpload, rectifyHazard } from './hazard-steps.js';
import { confirmScheduleStep, signRecordStep } from './service-steps.js';
import { hazardIdParams, myHazardsQuery, myServicesQuery, serviceIdParams, uploadTicketAnswer } from './schemas.js';
import { ENTERPRISE } from '../../../domain/identity/access.js';

/**
 * The enterprise's side of prevention services (ACL-5): its own services and hazards across insurers, read
 * through the enterprise index with the USCC from its token; it writes only confirmations and rectifications,
 * through the owning insurer's tenant-scoped store.
 */

const usccOf = (input: { principal: Parameters<typeof callerOf>[0]['principal'] }): string => callerOf(input).uscc as string;

export const listMyServices = defineRoute({
  method: 'GET',
  path: '/api/v1/me/services',
  access: ENTERPRISE,
  summary: "The enterprise's prevention services across insurers",
  tags: ['enterprise'],
  query: myServicesQuery,
  response: pageOf(serviceSchema),
  async handle(input) {
    const { limit, cursor, status } = input.query;
    return { body: await serviceDeps().views.servicesOf(usccOf(input), { limit, cursor, status }) };
  },
});

export const getMyService = defineRoute({
  method: 'GET',
  path: '/api/v1/me/services/{serviceId}',
  access: ENTERPRISE,
  summary: "One of the enterprise's services",
  tags: ['enterprise'],
  params: serviceIdParams,
  response: serviceSchema,
  async handle(input) {
    return { body: await ownService(usccOf(input), input.params.serviceId) };
  },
});

export const confirmMySchedule = defineRoute({
  method: 'POST',
  path: '/api/v1/me/services/{serviceId}/confirm-schedule',
  access: ENTERPRISE,
  summary: 'Agree the items, measures and time of a scheduled service (SVC-5)',
  tags: ['enterprise'],
  params: serviceIdParams,
  body: confirmScheduleBody,
  response: serviceSchema,
  async handle(input) {
    const caller = callerOf(input);
    const service = await ownService(usccOf(input), input.params.serviceId);
    const { services } = await serviceDeps().forTenant(service.tenantId);
    return { body: await confirmScheduleStep(services, service, input.body, 'ENTERPRISE', caller.userId) };
  },
});

export const confirmMyRecord = defineRoute({
  method: 'POST',
  path: '/api/v1/me/services/{serviceId}/confirm',
  access: ENTERPRISE,
  summary: "Sign the service record for the enterprise (SVC-9, SVC-13: a named person's signature)",
  tags: ['enterprise'],
  params: serviceIdParams,
  body: enterpriseConfirmBody,
  response: serviceSchema,
  async handle(input) {
    const caller = callerOf(input);
    const service = await ownService(usccOf(input), input.params.serviceId);
    const { services } = await serviceDeps().forTenant(service.tenantId);
    return { body: await signRecordStep(services, service, { ...input.body, party: 'ENTERPRISE' }, caller.userId) };
  },
});

export const listMyHazards = defineRoute({
  method: 'GET',
  path: '/api/v1/me/hazards',
  access: ENTERPRISE,
  summary: "The hazards found at the enterprise, across insurers, with their notices (SVC-7)",
  tags: ['enterprise'],
  query: myHazardsQuery,
  response: pageOf(hazardSchema),
  async handle(input) {
    const { limit, cursor, status } = input.query;
    return { body: await serviceDeps().views.hazardsOf(usccOf(input), { limit, cursor, status }) };
  },
});

export const getMyHazard = defineRoute({
  method: 'GET',
  path: '/api/v1/me/hazards/{hazardId}',
  access: ENTERPRISE,
  summary: 'One hazard found at the enterprise',
  tags: ['enterprise'],
  params: hazardIdParams,
  response: hazardSchema,
  async handle(input) {
    return { body: await ownHazard(usccOf(input), input.params.hazardId) };
  },
});

export const myHazardEvidenceUpload = defineRoute({
  method: 'POST',
  path: '/api/v1/me/hazards/{hazardId}/evidence-uploads',
  access: ENTERPRISE,
  summary: 'A ticket to upload one closure-evidence file straight to the archive (SVC-7, SVC-13)',
  tags: ['enterprise'],
  params: hazardIdParams,
  body: evidenceUploadBody,
  response: uploadTicketAnswer,
  successStatus: 201,
  async handle(input) {
    const caller = callerOf(input);
    const hazard = await ownHazard(usccOf(input), input.params.hazardId);
    const { services } = await serviceDeps().forTenant(hazard.tenantId);
    return { body: await hazardEvidenceUpload(services, hazard, input.body, caller.userId) };
  },
});

export const reportMyRectification = defineRoute({
  method: 'POST',
  path: '/api/v1/me/hazards/{hazardId}/rectification',
  access: ENTERPRISE,
  summary: 'Report the rectification plan, or the hazard closed with evidence (SVC-7)',
  tags: ['enterprise'],
  params: hazardIdParams,
  body: rectificationBody,
  response: hazardSchema,
  async handle(input) {
    const caller = callerOf(input);
    const hazard = await ownHazard(usccOf(input), input.params.hazardId);
    const { services } = await serviceDeps().forTenant(hazard.tenantId);
    return { body: await rectifyHazard(services, hazard, input.body, caller.userId) };
  },
});
