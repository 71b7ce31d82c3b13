// The `stopword` package ships no types: the word lists this server reads, by ISO 639-3 code.
declare module 'stopword' {
  export const eng: readonly string[];
  export const spa: readonly string[];
  export const fra: readonly string[];
  export const por: readonly string[];
  export const deu: readonly string[];
  export const ita: readonly string[];
  export const nld: readonly string[];
  export const pol: readonly string[];
  export const cat: readonly string[];
  export const swe: readonly string[];
  export const dan: readonly string[];
  export const tur: readonly string[];
  export const ron: readonly string[];
  export const ind: readonly string[];
}
