import { afterEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { launchStorage } from '../../../src/adapters/storage/launch';
import { ResonanceStore } from '../../../src/adapters/storage/store';
import { persistenceNow, requestPersistence } from '../../../src/adapters/storage/space';
import { uniqueDbName } from './fixtures';

const names: string[] = [];
afterEach(async () => {
  // The stand-ins are own properties of the object; removing them brings back the browser's methods.
  Reflect.deleteProperty(navigator.storage, 'persist');
  Reflect.deleteProperty(navigator.storage, 'persisted');
  for (const name of names.splice(0)) await deleteDB(name);
});

/** Firefox's persist(): a prompt the person has not answered, so the promise does not settle. */
function persistWaitsForPrompt(): { asked: () => number } {
  let asked = 0;
  navigator.storage.persist = () => {
    asked += 1;
    return new Promise<boolean>(() => {});
  };
  return { asked: () => asked };
}

describe('storage at launch never waits for the persistence prompt', () => {
  it('hands out the store while a persist() request would hang, and does not ask at launch', async () => {
    const prompt = persistWaitsForPrompt();
    const name = uniqueDbName('launch');
    names.push(name);
    const launched = await launchStorage(ResonanceStore.open(name));
    expect(launched.error).toBeNull();
    expect(launched.store).not.toBeNull();
    expect(prompt.asked()).toBe(0);
    // Reading the current state never prompts.
    expect(['persisted', 'not-persisted']).toContain(await persistenceNow());
    expect(prompt.asked()).toBe(0);
    launched.store?.close();
  });

  it('asks when asked to, and the answer comes whenever the browser gives it', async () => {
    let answer: (granted: boolean) => void = () => {};
    let prompted: () => void = () => {};
    const prompt = new Promise<void>((resolve) => (prompted = resolve));
    navigator.storage.persisted = async () => false;
    navigator.storage.persist = () => {
      prompted();
      return new Promise<boolean>((resolve) => (answer = resolve));
    };
    let settled = false;
    const asking = requestPersistence().finally(() => (settled = true));
    await prompt;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    answer(true);
    expect(await asking).toBe('persisted');
  });
});
