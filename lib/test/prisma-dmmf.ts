/**
 * Reads prisma/schema.prisma the way Prisma itself does: through the schema WebAssembly module
 * that ships inside the `prisma` package (the same `get_dmmf` that `@prisma/internals`' getDMMF
 * calls). `@prisma/internals` is not a dependency and the generated client's runtime data model
 * lacks nullability, native types and indexes, so we instantiate the module ourselves. Its
 * wasm-bindgen glue needs only four imports, matched here by prefix so a Prisma upgrade that
 * changes their hash suffixes keeps working.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  isUpdatedAt: boolean;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};

export type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
};

export type DmmfEnum = { name: string; dbName?: string | null; values: { name: string; dbName: string | null }[] };

export type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  isDefinedOnField: boolean;
  dbName?: string | null;
  name?: string | null;
  fields: { name: string }[];
};

export type Datamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };

type WasmExports = {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __externref_table_dealloc(index: number): void;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  __wbindgen_start(): void;
  get_dmmf(ptr: number, len: number): [number, number, number, number];
};

function loadSchemaWasm(): WasmExports {
  const require = createRequire(import.meta.url);
  const prismaDir = path.dirname(require.resolve("prisma/package.json"));
  const wasmFile = path.join(prismaDir, "build", "prisma_schema_build_bg.wasm");
  const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmFile));
  const decoder = new TextDecoder();
  // The imports run during instantiation and later; they reach the exports through this box.
  const box: { exports?: WasmExports } = {};
  const readString = (ptr: number, len: number) => decoder.decode(new Uint8Array(box.exports!.memory.buffer, ptr, len));
  const imports: Record<string, (...args: number[]) => unknown> = {};
  for (const { name } of WebAssembly.Module.imports(wasmModule)) {
    if (name.startsWith("__wbg_Error_")) imports[name] = (ptr, len) => new Error(readString(ptr!, len!));
    else if (name.startsWith("__wbg___wbindgen_throw_"))
      imports[name] = (ptr, len) => {
        throw new Error(readString(ptr!, len!));
      };
    else if (name.startsWith("__wbg_set_message_")) imports[name] = () => undefined; // panic message hook
    else if (name === "__wbindgen_init_externref_table")
      imports[name] = () => {
        const table = box.exports!.__wbindgen_externrefs;
        const offset = table.grow(4);
        table.set(0, undefined);
        table.set(offset, undefined);
        table.set(offset + 1, null);
        table.set(offset + 2, true);
        table.set(offset + 3, false);
      };
    else throw new Error(`${wasmFile} needs an import this loader does not know: ${name}`);
  }
  const instance = new WebAssembly.Instance(wasmModule, { __wbindgen_placeholder__: imports });
  box.exports = instance.exports as unknown as WasmExports;
  box.exports.__wbindgen_start();
  return box.exports;
}

/** The DMMF datamodel of a Prisma schema (models, enums, indexes), as Prisma computes it. */
export function getDatamodel(schemaText: string): Datamodel {
  const wasm = loadSchemaWasm();
  const input = new TextEncoder().encode(
    JSON.stringify({ prismaSchema: [["schema.prisma", schemaText]], noColor: true }),
  );
  const ptr = wasm.__wbindgen_malloc(input.length, 1);
  new Uint8Array(wasm.memory.buffer, ptr, input.length).set(input);
  const [outPtr, outLen, errIndex, failed] = wasm.get_dmmf(ptr, input.length);
  if (failed) {
    const error = wasm.__wbindgen_externrefs.get(errIndex) as unknown;
    wasm.__externref_table_dealloc(errIndex);
    throw error instanceof Error ? error : new Error(String(error));
  }
  const json = new TextDecoder().decode(new Uint8Array(wasm.memory.buffer, outPtr, outLen));
  wasm.__wbindgen_free(outPtr, outLen, 1);
  return (JSON.parse(json) as { datamodel: Datamodel }).datamodel;
}

export function readProjectDatamodel(root = process.cwd()): Datamodel {
  return getDatamodel(fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8"));
}
