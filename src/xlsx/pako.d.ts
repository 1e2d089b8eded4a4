/** The part of pako 1.0's API the offline codec uses (./pakoCodec.ts); pako ships no types. */
declare module "pako" {
  interface StreamOptions {
    raw?: boolean;
    level?: number;
    chunkSize?: number;
  }
  class Stream {
    constructor(options?: StreamOptions);
    push(data: Uint8Array, mode: boolean): boolean;
    onData(chunk: Uint8Array): void;
    /** 0 or a zlib status code after an error */
    err: number;
    msg: string;
  }
  export class Inflate extends Stream {}
  export class Deflate extends Stream {}
}
