import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fillTemplate, templateVars, workspaceCurrency } from '../../src/core/templates';
import { openMem, REPO } from './memfs';

const template = (name: string) => readFileSync(path.join(REPO, 'schemas', 'templates', name), 'utf8');

// A new record is written in the company's currency, not in the sample company's CNY.
describe('templates are filled with the workspace currency', () => {
  const bikeShop = {
    'catalog/preisliste.yaml': [
      'products:',
      '  - { id: ET-0001, name: Bremsbelag, category: Bremsen, currency: EUR, list_price: 19, floor_price: 12 }',
      '  - { id: ET-0002, name: Kette, category: Antrieb, currency: EUR, list_price: 29, floor_price: 20 }',
      '  - { id: ET-0003, name: Import-Lager, category: Antrieb, currency: CHF, list_price: 9, floor_price: 5 }',
      '',
    ].join('\n'),
  };

  it('takes the currency most of the money is in', async () => {
    const { workspace } = await openMem(bikeShop);
    assert.equal(workspaceCurrency(workspace), 'EUR');
    const filled = fillTemplate(template('product.yaml'), templateVars(workspace, 'ET-0004', 'Schlauch'));
    assert.match(filled, /^ {4}currency: EUR +# your currency/m);
    assert.doesNotMatch(filled, /currency: CNY|\{\{/);
    assert.match(fillTemplate(template('plan.yaml'), templateVars(workspace, 'PL-1')), /^ {2}currency: EUR +# your currency/m);
  });

  it('writes the "no currency" code XXX, for the user to replace, when the workspace has no money yet', async () => {
    const { workspace } = await openMem({ 'org/people.yaml': 'people:\n  - { id: MA-1, name: Jana, role: Meisterin }\n' });
    assert.equal(workspaceCurrency(workspace), undefined);
    assert.match(fillTemplate(template('expense.yaml'), templateVars(workspace, 'A-1')), /currency: XXX +# your currency/);
  });

  it('leaves a placeholder it does not know as written, even one named like an object property', () => {
    const vars = { id: 'X-1', title: 'X', today: '2026-06-15' };
    assert.equal(fillTemplate('a: {{constructor}}\nb: "{{toString}}"\nc: {{id}}\n', vars), 'a: {{constructor}}\nb: "{{toString}}"\nc: X-1\n');
  });
});
