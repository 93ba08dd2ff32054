import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export const ROOT = join(import.meta.dirname, "../..");

/** Source files under app/ (no generated client, no tests), paths relative to the repo root. */
export function appSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "generated") walk(path);
      } else if (
        /\.(ts|tsx)$/.test(name) &&
        !/\.test\.tsx?$/.test(name) &&
        !name.endsWith(".d.ts")
      ) {
        out.push(relative(ROOT, path));
      }
    }
  };
  walk(join(ROOT, "app"));
  return out.sort();
}

export const read = (path: string) => readFileSync(join(ROOT, path), "utf8");

export function lineCount(path: string): number {
  return read(path).split("\n").length;
}

/** Module specifiers a file imports (static and dynamic, re-exports included). */
export function importsOf(path: string): string[] {
  const source = ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** String literals, template parts and JSX text containing Chinese (comments are not code). */
export function chineseLiterals(path: string): string[] {
  const source = ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node) ||
      ts.isRegularExpressionLiteral(node)
    ) {
      if (CJK.test(node.getText(source))) found.push(node.getText(source).trim().slice(0, 60));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `class X extends Y` names whose chain reaches Error, by name, within app/. */
export function errorClasses(path: string): string[] {
  return [...read(path).matchAll(/class (\w+) extends (\w*Error)\b/g)].map((m) => m[1] as string);
}
