import { indicatorSchema } from './contract/indicators';
import { LOCAL_PREFIX } from './local-indicators';
import { z } from './zod';

/**
 * The schemas of what the dashboard keeps in this browser (see local-indicators). Apart, so that
 * the first page does not build them: they are loaded with the first read of the browser's store.
 */
export const importedFromSchema = z.object({
  fileName: z.string().check(z.minLength(1)),
  importedAt: z.iso.datetime(),
  /** The area the figures describe, when the file says (an EES file's local authority). */
  area: z.optional(z.string().check(z.minLength(1))),
  /** Its code (E08000031), or codes joined with "+" where a council's code changed. */
  areaCode: z.optional(z.string().check(z.minLength(1))),
});

export const localIndicatorSchema = z.intersection(
  indicatorSchema,
  z.object({
    id: z.string().check(z.startsWith(LOCAL_PREFIX, 'Imported indicator ids start with "local-"')),
    importedFrom: importedFromSchema,
  }),
);

/** The file "Export all" writes and "Import a saved dataset" reads. */
export const localDatasetSchema = z.object({
  format: z.literal('safeguarding-dashboard-local-data'),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  indicators: z.array(localIndicatorSchema),
});

export type ImportedFrom = z.infer<typeof importedFromSchema>;
export type LocalIndicator = z.infer<typeof localIndicatorSchema>;
export type LocalDataset = z.infer<typeof localDatasetSchema>;
