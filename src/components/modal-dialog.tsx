import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';

export interface ModalDialogProps {
  title: string;
  /** Escape, the close button of the platform, or a Cancel button: the dialog is dismissed. */
  onClose: () => void;
  /** Enter in a field or the submit button (a `type="submit"` Button in `footer`). */
  onSubmit: () => void;
  children: ReactNode;
  /** The buttons, right-aligned: put the submit button last. */
  footer: ReactNode;
  className?: string;
}

/**
 * A modal dialog on the platform's <dialog>: focus stays inside, Escape closes, and
 * focus goes back where it was when the dialog goes away.
 */
export function ModalDialog({ title, onClose, onSubmit, children, footer, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const previouslyFocused = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      previouslyFocused?.focus();
    };
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <dialog
      ref={ref}
      className={['modal', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div className="modal-body">{children}</div>
        <div className="modal-footer">{footer}</div>
      </form>
    </dialog>
  );
}
