import { type ButtonHTMLAttributes, type MouseEvent, useId } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /**
   * Why the button cannot be used now ("The VM is running"). The button then stays
   * focusable (aria-disabled, not disabled) so keyboard and screen reader users can
   * find out why; the reason is its tooltip and its accessible description.
   */
  disabledReason?: string;
  variant?: 'default' | 'primary' | 'danger';
}

/** A button that explains itself when it is unavailable. */
export function Button({ disabledReason, variant = 'default', className, onClick, title, ...rest }: ButtonProps) {
  const reasonId = useId();
  const unavailable = disabledReason !== undefined;
  const click = (event: MouseEvent<HTMLButtonElement>) => {
    // aria-disabled does not stop clicks (or a form submit): do it here.
    if (unavailable) event.preventDefault();
    else onClick?.(event);
  };
  return (
    <>
      <button
        type="button"
        {...rest}
        className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
        aria-disabled={unavailable || undefined}
        aria-describedby={unavailable ? reasonId : rest['aria-describedby']}
        title={disabledReason ?? title}
        onClick={click}
      />
      {unavailable && (
        <span id={reasonId} hidden>
          {disabledReason}
        </span>
      )}
    </>
  );
}
