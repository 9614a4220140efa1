import { useId, useState, type DragEvent } from 'react';

interface Props {
  label: string;
  hint: string;
  accept: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}

/**
 * A file input inside a drop zone. The input itself stays visible and focusable, so a keyboard
 * or screen-reader user chooses a file exactly as everyone else does; dropping is a shortcut.
 */
export function FilePicker({ label, hint, accept, multiple = false, onFiles }: Props) {
  const id = useId();
  const hintId = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id} className="drop-zone__label">
        {label}
      </label>
      <p id={hintId} className="drop-zone__hint">
        {hint}
      </p>
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-describedby={hintId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Clear the input so choosing the same file again (after fixing it) reads it again.
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
