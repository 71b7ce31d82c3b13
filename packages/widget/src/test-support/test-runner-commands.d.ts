// TEMPORARY: @web/test-runner-commands ships with @web/test-runner but is not a direct
// dependency of this package, so TypeScript cannot see it (web-test-runner.config.mjs
// resolves it at run time). Delete this file once it is a devDependency.
declare module '@web/test-runner-commands' {
  export type SendKeysPayload = { press: string } | { type: string } | { down: string } | { up: string };
  export function sendKeys(payload: SendKeysPayload): Promise<void>;
}
