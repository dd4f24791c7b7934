// Matchers for aws-sdk-client-mock (toHaveReceivedCommandWith …), loaded as TOOLCHAIN.md says.
import 'aws-sdk-client-mock-vitest/extend';
