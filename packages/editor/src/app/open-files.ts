/** A file the user opened or dropped, read as text. */
export interface OpenedFile {
  name: string;
  text: string;
}

/** Largest model file the editor reads; larger files are refused with a message. */
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Wire the file picker and drag-and-drop on the page to one handler. Files come sorted models
 * first, so a model dropped with its scenario files is open before the scenarios load.
 */
export function setUpFileOpening(input: HTMLInputElement, onFiles: (files: OpenedFile[], refused: string[]) => void): () => void {
  const read = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files = [...list].sort((a, b) => Number(isJson(a.name)) - Number(isJson(b.name)));
    const refused = files.filter((f) => f.size > MAX_BYTES).map((f) => `${f.name} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
    const opened = await Promise.all(files.filter((f) => f.size <= MAX_BYTES).map(async (f) => ({ name: f.name, text: await f.text() })));
    onFiles(opened, refused);
  };
  input.addEventListener('change', () => {
    void read(input.files).finally(() => (input.value = ''));
  });
  let depth = 0;
  document.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    depth++;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) document.body.classList.remove('dragging');
  });
  document.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
  });
  document.addEventListener('drop', (e) => {
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    depth = 0;
    document.body.classList.remove('dragging');
    void read(e.dataTransfer.files);
  });
  return () => input.click();
}

function isJson(name: string): boolean {
  return name.toLowerCase().endsWith('.json');
}
