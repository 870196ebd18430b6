// The extension in a real VS Code whose workspace is not trusted (restricted mode): validation
// still works, and no command that changes a cluster runs, whether or not the palette offers it.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { FILE_TIMEOUT_MS, commandLabel, startSession, type Session } from './support/session.ts';
import { actions } from './support/standIns.ts';

describe('Istio Operator Tools in a restricted (untrusted) workspace', { timeout: FILE_TIMEOUT_MS }, () => {
  let session: Session;
  const wb = () => session.workbench;

  before(async () => {
    session = await startSession({ name: 'restricted', trusted: false });
  });
  after(async () => {
    await session?.stop();
  });
  afterEach(async (t) => {
    await session?.workbench.screenshot(`end-${t.name}`);
  });

  it('opens in restricted mode and still lists problems', async () => {
    await wb().statusBarItem('Restricted Mode');
    await wb().openFile('broken.yaml');
    await wb().waitForProblem('did you mean');
    await wb().screenshot('restricted-problems');
  });

  for (const name of ['apply', 'uninstall', 'upgrade']) {
    it(`runs nothing for ${name}`, async () => {
      const label = commandLabel(name);
      await wb().clearNotifications();
      await wb().openIstioOperatorFile('good.yaml');
      if (await wb().offersCommand(label)) {
        // Offered anyway: running it must end in a message about restricted mode, never a confirmation.
        await wb().runCommand(label);
        await wb().notification(new RegExp(`${name}\\b[^]*(Restricted Mode|trust)`, 'i'));
        assert.equal(await wb().page.locator('.monaco-dialog-box').count(), 0, 'no confirmation dialog in restricted mode');
      }
      await wb().screenshot(`restricted-${name}`);
      assert.deepEqual(actions(session.server.callsFile), [], `${label} ran nothing`);
    });
  }
});
