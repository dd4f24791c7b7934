import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildAnze, TEST_CDK_OUT } from './synth.js';

const { app } = buildAnze();
/** The one synth of this file (cdk-nag runs in it); later calls reuse it. */
const synthOnce = () => app.synth();

describe('cdk-nag AwsSolutions', () => {
  it('fails a synth on an unacknowledged finding (so the checks below are not vacuous)', () => {
    // Same App settings as buildAnze (no built-in schema validation): cdk-nag alone must fail it.
    const canary = new App({ outdir: TEST_CDK_OUT, context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
    new Bucket(new Stack(canary, 'Canary'), 'Unlogged');
    Validations.of(canary).addPlugins(new AwsSolutionsChecks(canary));
    expect(() => canary.synth()).toThrow(/AwsSolutions-S1/);
  });

  it('passes the synth of the whole app', () => {
    expect(synthOnce).not.toThrow();
  });

  it('reports no unacknowledged finding at all, warnings included', () => {
    synthOnce();
    const report = new AwsSolutionsChecks().validateScope(app);
    const findings = report.violations.map(
      (violation) => `${violation.ruleName} (${violation.severity}) at ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('gives every acknowledgement a specific written reason', () => {
    const acknowledgements = app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgements) {
      expect(id).toMatch(/^Annotation::AwsSolutions-[A-Z]+\d+/);
      expect(reason.length, `reason of ${id}`).toBeGreaterThanOrEqual(60);
    }
  });
});
