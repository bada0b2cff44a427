// The layout engine's script (elk.bundled.js) sets this global; diagram.js loads it on first use.
interface Window {
  ELK?: new () => { layout (graph: import('elkjs/lib/elk-api.js').ElkNode): Promise<import('elkjs/lib/elk-api.js').ElkNode> }
}
