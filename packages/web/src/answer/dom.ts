type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | false | undefined;

/**
 * An element with attributes and children: the answer page is built with the DOM alone, no framework,
 * so it stays small for the old phones it is opened on. `false` and undefined attributes are left out.
 */
export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== false && child !== undefined) element.append(child);
  return element;
}
