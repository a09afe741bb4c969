// Builds what shops take of the checkout protocol from the wallet's own code, so that neither can
// drift from what the wallet parses: docs/checkout-protocol.schema.json from the zod schemas, and
// the shop client the demo storefront uses as one ES module with its types. With --check it writes
// nothing and fails when a committed file differs (a unit test runs it so).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import * as prettier from 'prettier';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const SCHEMA_SOURCE = 'lib/protocol/json-schema.ts';
const CLIENT_SOURCE = 'lib/protocol/shop-client.ts';
const SCHEMA_FILE = 'docs/checkout-protocol.schema.json';
const CLIENT_FILE = 'docs/examples/wallet-checkout-client.js';
const TYPES_FILE = 'docs/examples/wallet-checkout-client.d.ts';

/** @param {string} source */
const generated = (source) => `Generated from ${source} by \`npm run build:protocol\`: edit that, not this file.`;

/** @param {string} entry @param {'node' | 'browser'} platform @param {boolean} minify */
async function bundle(entry, platform, minify) {
  const built = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform,
    target: 'es2022',
    minify,
    write: false,
    legalComments: 'none',
  });
  const [output] = built.outputFiles;
  if (!output) throw new Error(`esbuild made nothing of ${entry}`);
  return output.text;
}

/** @param {string} file @param {string} text */
async function format(file, text) {
  const options = await prettier.resolveConfig(join(root, file));
  return prettier.format(text, { ...options, filepath: join(root, file) });
}

async function schemaFile() {
  const module = await import(`data:text/javascript;base64,${Buffer.from(await bundle(SCHEMA_SOURCE, 'node', false)).toString('base64')}`);
  return format(SCHEMA_FILE, JSON.stringify(module.checkoutProtocolJsonSchema()));
}

async function clientFile() {
  // The bundle carries zod, whose licence asks that its notice travel with it.
  const zodLicense = readFileSync(join(root, 'node_modules/zod/LICENSE'), 'utf8').trim();
  const header = [
    'The shop’s side of the Wallet Checkout Helper checkout protocol (docs/checkout-protocol.md), as one',
    'self-contained ES module; its types are in wallet-checkout-client.d.ts.',
    generated(CLIENT_SOURCE),
    '',
    'It includes zod (https://zod.dev), under this licence:',
    '',
    zodLicense,
  ];
  // Minified, as a page loads it; the source it is built from is the one to read.
  return `/*\n${header.flatMap((line) => line.split('\n').map((part) => ` * ${part}`.trimEnd())).join('\n')}\n */\n${await bundle(CLIENT_SOURCE, 'browser', true)}`;
}

/**
 * The client's declarations with the protocol's types written out in full: declaration emit keeps
 * them as imports of zod-inferred types, which a shop without the wallet's sources and zod cannot
 * resolve, so each type imported or re-exported from another module is spelled as the checker sees it.
 */
async function typesFile() {
  const program = ts.createProgram([join(root, CLIENT_SOURCE)], {
    strict: true,
    declaration: true,
    emitDeclarationOnly: true,
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(join(root, CLIENT_SOURCE));
  if (!source) throw new Error(`TypeScript cannot read ${CLIENT_SOURCE}`);
  let declarations = '';
  const emitted = program.emit(source, (_name, text) => (declarations = text), undefined, true);
  if (emitted.diagnostics.length > 0)
    throw new Error(ts.formatDiagnosticsWithColorAndContext(emitted.diagnostics, ts.createCompilerHost({})));

  /** @type {Map<string, { symbol: ts.Symbol, exported: boolean }>} */
  const spelled = new Map();
  /** @type {string[]} */
  const kept = [];
  const emittedFile = ts.createSourceFile(TYPES_FILE, declarations, ts.ScriptTarget.ESNext, true);
  for (const statement of emittedFile.statements) {
    const from = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (from && ts.isStringLiteral(from)) {
      const module = program.getSourceFile(resolve(dirname(source.fileName), `${from.text}.ts`));
      const moduleSymbol = module && checker.getSymbolAtLocation(module);
      if (!moduleSymbol) throw new Error(`${CLIENT_SOURCE} imports ${from.text}, which is no module of the wallet's`);
      for (const element of namedElements(statement)) {
        const found = checker.getExportsOfModule(moduleSymbol).find((candidate) => candidate.name === element.name.text);
        const symbol = found && found.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(found) : found;
        if (!symbol || !(symbol.flags & ts.SymbolFlags.TypeAlias))
          throw new Error(`The shop client's declarations need ${element.name.text} from ${from.text}, which is not a type to spell out`);
        const exported = ts.isExportDeclaration(statement) || Boolean(spelled.get(element.name.text)?.exported);
        spelled.set(element.name.text, { symbol, exported });
      }
    } else if (!(ts.isExportDeclaration(statement) && namedElements(statement).length === 0)) {
      kept.push(statement.getFullText().trim());
    }
  }
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias;
  const aliases = [...spelled].map(
    ([name, { symbol, exported }]) =>
      `${exported ? 'export ' : ''}type ${name} = ${checker.typeToString(checker.getDeclaredTypeOfSymbol(symbol), undefined, flags)};`,
  );
  const header = `/**\n * Types of wallet-checkout-client.js. ${generated(CLIENT_SOURCE)}\n */`;
  return format(TYPES_FILE, [header, ...aliases, ...kept].join('\n\n'));
}

/** @param {ts.ImportDeclaration | ts.ExportDeclaration} statement */
function namedElements(statement) {
  const named = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : statement.exportClause;
  return named && (ts.isNamedImports(named) || ts.isNamedExports(named)) ? [...named.elements] : [];
}

const files = new Map([
  [SCHEMA_FILE, await schemaFile()],
  [CLIENT_FILE, await clientFile()],
  [TYPES_FILE, await typesFile()],
]);
/** @param {string} file */
const committed = (file) => {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return undefined;
  }
};
const drifted = [...files].filter(([file, text]) => committed(file) !== text);
if (!process.argv.includes('--check')) for (const [file, text] of drifted) writeFileSync(join(root, file), text);
else if (drifted.length > 0) {
  console.error(`${drifted.map(([file]) => file).join(', ')} no longer match the wallet's code: run npm run build:protocol`);
  process.exitCode = 1;
}
