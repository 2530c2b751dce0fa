/** Entry that VS Code's extension host loads (`extensionTestsPath`): runs the mocha suites. */
import Mocha from 'mocha';
import { registerActivationTests } from './activation.test';
import { registerSecretStorageTests } from './secret-storage.test';
import { registerApplyTests } from './apply.test';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60_000 });
  mocha.suite.emit('pre-require', globalThis, 'electron-suite', mocha);
  registerActivationTests();
  registerSecretStorageTests();
  registerApplyTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
