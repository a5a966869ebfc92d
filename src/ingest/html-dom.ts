/**
 * The few DOM members the HTML reader uses, typed structurally: the project compiles without the DOM lib,
 * and linkedom's node classes satisfy this shape.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly textContent: string | null;
  /** Text nodes only. */
  readonly data?: string;
  getAttribute?(name: string): string | null;
  remove?(): void;
  insertBefore?(node: DomNode, before: DomNode | null): DomNode;
}

export interface DomDocument extends DomNode {
  readonly body: DomNode | null;
  readonly title: string;
  readonly documentElement: DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function tagOf(node: DomNode): string {
  return node.nodeType === ELEMENT_NODE ? node.nodeName.toLowerCase() : '';
}

export function attr(node: DomNode, name: string): string {
  return node.getAttribute?.(name) ?? '';
}
