import type { ComponentChildren } from 'preact';

/** A fieldset of related controls; its description, if any, is read when the group is entered. */
export function Group({
  id,
  legend,
  description,
  children,
}: {
  id: string;
  legend: string;
  description?: string;
  children: ComponentChildren;
}) {
  const descriptionId = `${id}-description`;
  return (
    <fieldset class="sign-up-group" id={id} aria-describedby={description ? descriptionId : undefined}>
      <legend>{legend}</legend>
      {description && (
        <p class="muted sign-up-description" id={descriptionId}>
          {description}
        </p>
      )}
      <div class="sign-up-grid">{children}</div>
    </fieldset>
  );
}
