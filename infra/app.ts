import { App } from 'aws-cdk-lib';
import { buildAnzeApp } from './stacks/anze-app.js';

// `npx cdk synth` / `npx cdk deploy -c stage=prod`: see infra/stacks/anze.ts for the context keys.
const app = new App();
buildAnzeApp(app);
app.synth();
