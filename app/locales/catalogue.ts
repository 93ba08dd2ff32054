/**
 * A catalogue in another language has exactly the keys of the Chinese one (the source), each a
 * string: a missing or extra key is a type error, not a blank on screen.
 */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
