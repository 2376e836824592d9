// A document's stored PDF (key, hash, wrapped data key). Every state has one
// except POSTAL: the postal track records metadata only (migration 0007,
// CHECK document_content_unless_postal), so readers narrow here once.
export type StoredContentColumns = {
  id: string;
  storageKey: string | null;
  sha256: string | null;
  dataKeyWrapped: Uint8Array | null;
  masterKeyId: string | null;
};

export type StoredContent = { storageKey: string; sha256: string; dataKeyWrapped: Buffer; masterKeyId: string };

/** The stored PDF's columns; throws for a row without content (a POSTAL document, which no reader should have selected). */
export function storedContentOf(document: StoredContentColumns): StoredContent {
  const { storageKey, sha256, dataKeyWrapped, masterKeyId } = document;
  if (storageKey === null || sha256 === null || dataKeyWrapped === null || masterKeyId === null) {
    throw new Error(`document ${document.id} has no stored content (postal track)`);
  }
  return { storageKey, sha256, dataKeyWrapped: Buffer.from(dataKeyWrapped), masterKeyId };
}
