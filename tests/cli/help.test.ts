import { Argument, Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.ts';
import { HELP_TEXTS, localizeHelp } from '../../src/cli/help-text.ts';
import { displayWidth } from '../../src/report/terminal-text.ts';
import { helpInProcess } from './help-in-process.ts';

const COMMANDS = [
  [],
  ['scan'],
  ['report'],
  ['checks'],
  ['frameworks'],
  ['history'],
  ['history', 'prune'],
  ['diff'],
  ['send'],
  ['help'],
];

const JAPANESE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** Each option of a help text, its wrapped lines joined (Japanese wraps with no space to take out). */
function options(help: string): string[] {
  const blocks: string[] = [];
  for (const line of help.split('\n')) {
    if (/^ {2}-/.test(line)) blocks.push(line.trim());
    else if (/^ {4,}\S/.test(line) && blocks.length > 0) {
      const [last, next] = [blocks[blocks.length - 1]!, line.trim()];
      const joint = /[^ -~]/.test(`${last.at(-1)}${next[0]}`) ? '' : ' ';
      blocks[blocks.length - 1] = `${last}${joint}${next}`;
    }
  }
  return blocks;
}

function* commandTree(command: Command): Generator<Command> {
  yield command;
  for (const sub of command.commands) yield* commandTree(sub);
}

describe('--help', () => {
  it.each([
    ['en', /default/g, /default: from the locale/],
    ['ja', /既定値/g, /既定値: ?ロケールによる/],
  ])(
    'in %s names one default per option, and the language default by its source',
    async (lang, word, localeDefault) => {
      for (const command of COMMANDS) {
        const run = await helpInProcess([...command, '--help', '--lang', lang]);
        expect(run.code).toBe(0);
        const listed = options(run.stdout);
        expect(listed.length, command.join(' ')).toBeGreaterThan(1);
        for (const option of listed) expect(option.match(word)?.length ?? 0, option).toBeLessThanOrEqual(1);
        const langOption = listed.find((o) => o.startsWith('--lang'));
        if (langOption) expect(langOption).toMatch(localeDefault);
      }
    },
  );
});

describe('--help --lang ja', () => {
  it('describes every command, option and argument in Japanese, and uses every text of the catalogue', async () => {
    const { program } = await helpInProcess(['--help', '--lang', 'ja']);
    const english = new Help();
    const untranslated: string[] = [];
    const used = new Set<string>();
    const check = (where: string, en: string, ja: string, notes: readonly string[] = []) => {
      used.add(en);
      if (!JAPANESE.test(ja) || (en !== '' && ja.includes(en))) untranslated.push(`${where}: ${en}`);
      for (const note of notes) if (!ja.includes(note)) untranslated.push(`${where}: ${note} not shown`);
    };
    let items = 0;
    for (const command of commandTree(program)) {
      const japanese = command.createHelp();
      const name = command.name();
      check(name, command.description(), japanese.commandDescription(command));
      for (const sub of japanese.visibleCommands(command)) {
        check(
          `${name} ${sub.name()}`,
          english.subcommandDescription(sub),
          japanese.subcommandDescription(sub),
        );
        items++;
      }
      for (const option of japanese.visibleOptions(command)) {
        // The notes commander adds (choices, a default) are shown, in Japanese words.
        const notes = (option.argChoices ?? []).map((choice) => JSON.stringify(choice));
        if (option.defaultValueDescription) {
          used.add(option.defaultValueDescription);
          expect(japanese.optionDescription(option)).not.toContain(option.defaultValueDescription);
        } else if (option.defaultValue !== undefined) {
          const shown = `default: ${JSON.stringify(option.defaultValue)}`;
          if (english.optionDescription(option).includes(shown))
            notes.push(`既定値: ${JSON.stringify(option.defaultValue)}`);
        }
        check(`${name} ${option.flags}`, option.description, japanese.optionDescription(option), notes);
        items++;
      }
      for (const argument of japanese.visibleArguments(command)) {
        check(`${name} ${argument.name()}`, argument.description, japanese.argumentDescription(argument));
        items++;
      }
    }
    expect(untranslated).toEqual([]);
    expect(items).toBeGreaterThan(80);
    expect(HELP_TEXTS.map((text) => text.en).filter((en) => !used.has(en))).toEqual([]);
    expect(new Set(HELP_TEXTS.map((text) => text.en)).size).toBe(HELP_TEXTS.length);
  });

  it('renders headings, choices and defaults, and the exit codes in Japanese', async () => {
    const { code, stdout } = await helpInProcess(['scan', '--help', '--lang', 'ja']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^使い方: kansa scan \[options\]\n/);
    expect(stdout).toContain('\nオプション:\n');
    expect(stdout).not.toMatch(/Usage:|Options:|Exit codes:|choices:|default:|display help/);
    const format = options(stdout).find((o) => o.startsWith('--format'));
    expect(format).toContain('（選択肢: "text"、"json"、"html"、"csv"、"ocsf"、"sarif"、既定値: "text"）');
    expect(stdout).toMatch(/ {2}-h, --help +コマンドのヘルプを表示する\n/);
    const exitCodes = stdout.slice(stdout.indexOf('\n終了コード:\n'));
    for (const exit of Object.values(EXIT)) expect(exitCodes).toMatch(new RegExp(`^ {2}${exit} {2}\\S`, 'm'));
    expect(exitCodes).toContain('内部エラー（kansa の不具合）');

    const root = await helpInProcess(['--help', '--lang', 'ja']);
    expect(root.stdout).toContain('\nコマンド:\n');
    expect(root.stdout).toMatch(/ {2}-V, --version +バージョン番号を表示する\n/);
    expect(root.stdout).toMatch(/ {2}help \[command\] +コマンドのヘルプを表示する\n/);

    // The help command takes the language too, as every command does.
    const viaHelp = await helpInProcess(['help', 'scan', '--lang', 'ja']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(stdout);
  });

  it('wraps Japanese within 80 columns, never starting a line with a closing mark', async () => {
    for (const command of COMMANDS) {
      const { stdout } = await helpInProcess([...command, '--help', '--lang', 'ja']);
      for (const line of stdout.split('\n')) {
        expect(displayWidth(line), line).toBeLessThanOrEqual(80);
        expect(line.trimStart(), line).not.toMatch(/^[、。・）」ッっャゃー:,)]/);
        expect(line, line).not.toMatch(/[（「]$/);
      }
    }
  });

  it("shows an argument's description and notes in Japanese (no kansa command describes one yet)", () => {
    const command = new Command('kansa').addArgument(
      new Argument('[format]', 'output format').choices(['text', 'json']).default('text'),
    );
    localizeHelp(command, 'ja');
    expect(command.helpInformation()).toContain(
      '引数:\n  format      出力形式（選択肢: "text"、"json"、既定値: "text"）\n',
    );
  });

  it('follows a Japanese locale when --lang is not given', async () => {
    const { stdout } = await helpInProcess(['checks', '--help'], { LANG: 'ja_JP.UTF-8' });
    expect(stdout).toMatch(/^使い方: kansa checks \[options\]\n\nすべてのチェックを一覧表示する/);
  });
});

describe('--help --lang en', () => {
  it("is commander's English, as it was before the Japanese help", async () => {
    const { stdout } = await helpInProcess(['scan', '--help', '--lang', 'en']);
    await expect(stdout).toMatchFileSnapshot('__snapshots__/scan-help.en.txt');
    // Only the waivers' term (例外承認) is Japanese in the English help.
    for (const command of COMMANDS) {
      const run = await helpInProcess([...command, '--help', '--lang', 'en']);
      expect(run.stdout.replace('例外承認', '')).not.toMatch(JAPANESE);
    }
  });
});
