import type { KeyboardEvent } from 'react';

// Keyboard support of the ARIA tree pattern on top of links and toggle buttons that stay tabbable:
// Up/Down move between visible units, Right opens (or enters) a unit, Left closes it (or goes to its parent),
// Home/End jump to the first/last visible unit.

const ITEM = '[role="treeitem"]';
const LINK = ':scope > .tree-row > a';

const linkOf = (item: Element | null) => item?.querySelector<HTMLAnchorElement>(LINK) ?? null;
const toggleOf = (item: Element) => item.querySelector<HTMLButtonElement>(':scope > .tree-row > button');

/** The units the reader can see, in document order (children of closed units are not rendered). */
function visibleItems(tree: HTMLElement): HTMLElement[] {
  return [...tree.querySelectorAll<HTMLElement>(ITEM)];
}

/** onKeyDown for the element with role="tree". */
export function handleTreeKeys(event: KeyboardEvent<HTMLElement>): void {
  const tree = event.currentTarget;
  const item = (event.target as HTMLElement).closest<HTMLElement>(ITEM);
  if (!item || !tree.contains(item)) return;
  const items = visibleItems(tree);
  const index = items.indexOf(item);
  const expanded = item.getAttribute('aria-expanded');
  let target: HTMLElement | null | undefined;
  switch (event.key) {
    case 'ArrowDown':
      target = items[index + 1];
      break;
    case 'ArrowUp':
      target = items[index - 1];
      break;
    case 'Home':
      target = items[0];
      break;
    case 'End':
      target = items[items.length - 1];
      break;
    case 'ArrowRight':
      if (expanded === 'false') toggleOf(item)?.click();
      else if (expanded === 'true') target = item.querySelector<HTMLElement>(ITEM);
      break;
    case 'ArrowLeft':
      if (expanded === 'true') toggleOf(item)?.click();
      else target = item.parentElement?.closest<HTMLElement>(ITEM);
      break;
    default:
      return;
  }
  event.preventDefault();
  linkOf(target ?? null)?.focus();
}
