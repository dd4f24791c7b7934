import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { isPublicRoute } from '../../functions/http/access-matrix.js';
import { BOUNDED_CONTEXTS } from '../../functions/http/contexts.js';
import { defineAnze, settingsFromContext, type AnzeStacks } from './anze.js';

/**
 * The deployed app: the stacks wired to the real bounded contexts and access matrix, checked by cdk-nag's
 * AwsSolutions pack. cdk-nag 3 is a policy-validation plugin: an unacknowledged error fails the synth (the
 * CLI prints the report; in tests `app.synth()` throws it).
 */
export function buildAnzeApp(app: App): AnzeStacks {
  const stacks = defineAnze(app, settingsFromContext(app), { contexts: BOUNDED_CONTEXTS, isPublicRoute });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stacks;
}
