/**
 * Sluice's XMILE extensions. XMILE 1.0 lets a vendor add what the standard cannot say as
 * elements and attributes in the vendor's own namespace, which other tools skip; Sluice writes
 * there what its IR holds beyond XMILE (the dialect, ACTIVE INITIAL, Vensim data variables and
 * GET calls' arguments, dimension mappings,
 * equation-valued sim specs, named loops, the text language's `#` comments), so
 * IR → XMILE → IR loses nothing and Stella still opens the file.
 */
export const SLUICE_NS = 'https://sluice.dev/xmile';
/** The prefix the exporter binds to `SLUICE_NS`; the importer accepts whatever prefix a file binds. */
export const SLUICE_PREFIX = 'sluice';
