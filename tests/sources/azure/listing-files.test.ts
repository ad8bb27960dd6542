import { describe, expect, it } from 'vitest';
import { azureArm } from '../../../src/sources/azure/arm.ts';

// A subscription's listing, as `--save-inventory` names it (budgets-<subscription id>.json): the
// REST list body or `az … list -o json`'s bare array, even empty, is all the subscription has.
const SUBSCRIPTION = '4d2c7a19-8e5f-4b3a-a1c6-9f0e2d7b5c83';

function read(document: unknown, file: string) {
  const notes: string[] = [];
  const resources = [
    ...azureArm.read(document, { file, skip: () => undefined, note: (note) => notes.push(note) }),
  ];
  return { resources, notes };
}

describe('azure-arm: a subscription listing named for it', () => {
  it.each([
    [{ value: [] }, ': value'],
    [[], ''],
  ])('reads %j as the subscription listed with none', (document, member) => {
    const file = `dump/budgets-${SUBSCRIPTION}.json`;
    expect(read(document, file)).toEqual({
      resources: [
        expect.objectContaining({
          id: `/subscriptions/${SUBSCRIPTION}`,
          facts: {
            budgetsListed: expect.objectContaining({
              source: 'explicit',
              value: true,
              path: `${file}${member}`,
            }),
          },
        }),
      ],
      notes: [],
    });
  });

  it('does not take a page with a nextLink for the whole listing, and says so', () => {
    const page = {
      value: [],
      nextLink: `https://management.azure.com/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Consumption/budgets?$skiptoken=AQAAAA`,
    };
    expect(read(page, `budgets-${SUBSCRIPTION}.json`)).toEqual({
      resources: [],
      notes: [
        "a page of the subscription's listing that has a next one (nextLink): not the whole listing, it is not read as all there is",
      ],
    });
  });

  it('reads an empty list named for no subscription as nothing', () => {
    expect(read([], 'budgets.json')).toEqual({ resources: [], notes: [] });
    expect(read({ value: [], nextLink: null }, 'diagnostic-settings.json')).toEqual({
      resources: [],
      notes: [],
    });
  });
});
