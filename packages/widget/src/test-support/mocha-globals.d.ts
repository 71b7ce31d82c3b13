// TEMPORARY: the mocha globals that @web/test-runner provides in the browser, typed by hand
// because @types/mocha is not installed yet. Delete this file once it is a devDependency.
type MochaDone = (error?: unknown) => void;
type MochaBody = (this: unknown, done: MochaDone) => unknown;

interface MochaSuiteFn {
  (title: string, body: () => void): void;
  only(title: string, body: () => void): void;
  skip(title: string, body: () => void): void;
}

interface MochaTestFn {
  (title: string, body?: MochaBody): void;
  only(title: string, body?: MochaBody): void;
  skip(title: string, body?: MochaBody): void;
}

declare const describe: MochaSuiteFn;
declare const it: MochaTestFn;
declare function before(body: MochaBody): void;
declare function after(body: MochaBody): void;
declare function beforeEach(body: MochaBody): void;
declare function afterEach(body: MochaBody): void;
