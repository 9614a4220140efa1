/**
 * A record as the demo dataset writes it: without the `version` the API adds to every editable
 * record (the demo API and the data service start every record at version 1).
 */
export type Unversioned<T> = T extends readonly (infer U)[]
  ? Unversioned<U>[]
  : T extends object
    ? { [K in keyof T as K extends 'version' ? never : K]: Unversioned<T[K]> }
    : T;
