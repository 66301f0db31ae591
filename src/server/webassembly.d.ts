// Node has the WebAssembly global, but TypeScript declares it only in its DOM
// and WebWorker libs, which the server's program leaves out. The part Samla uses:
declare namespace WebAssembly {
  type Module = object;
  function compile(bytes: ArrayBufferView | ArrayBuffer): Promise<Module>;
}
