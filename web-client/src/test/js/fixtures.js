// A schema as the server describes it in welcome.schema (shape of docs/PROTOCOL.md "Schema").
const box = {
  order: { kind: 'order', required: true },
  x: { kind: 'number', min: -1e6, max: 1e6, required: true },
  y: { kind: 'number', min: -1e6, max: 1e6, required: true },
  w: { kind: 'number', min: 1, max: 1e5, required: true },
  h: { kind: 'number', min: 1, max: 1e5, required: true },
  parent: { kind: 'ref', to: ['frame'], cascade: true, acyclic: true, required: false },
  locked: { kind: 'boolean', required: false },
};
const end = { kind: 'ref', notTo: ['board', 'connector'], cascade: true, acyclic: false, required: true };

export const DESCRIBED_SCHEMA = {
  boardRecordId: 'board',
  serverOwned: ['createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'authorName'],
  types: {
    board: { props: { title: { kind: 'text', max: 200, required: false } }, action: 'PUSH_EDIT', othersAction: 'PUSH_EDIT', authorOnly: [], namesAuthor: false, singleton: true },
    frame: { props: { ...box, title: { kind: 'text', max: 200, required: false } }, action: 'PUSH_EDIT', othersAction: 'PUSH_EDIT', authorOnly: [], namesAuthor: false, singleton: false },
    note: { props: { ...box, text: { kind: 'text', max: 10000, required: false } }, action: 'PUSH_EDIT', othersAction: 'PUSH_EDIT', authorOnly: [], namesAuthor: false, singleton: false },
    connector: { props: { order: { kind: 'order', required: true }, from: end, to: end }, action: 'PUSH_EDIT', othersAction: 'PUSH_EDIT', authorOnly: [], namesAuthor: false, singleton: false },
    comment: {
      props: {
        order: { kind: 'order', required: true },
        x: { kind: 'number', min: -1e6, max: 1e6, required: true },
        y: { kind: 'number', min: -1e6, max: 1e6, required: true },
        text: { kind: 'text', max: 10000, required: true },
        target: { kind: 'ref', notTo: ['board', 'comment'], cascade: true, acyclic: false, required: false },
        resolved: { kind: 'boolean', required: false },
      },
      action: 'PUSH_COMMENT', othersAction: 'PUSH_EDIT', authorOnly: ['text'], namesAuthor: true, singleton: false,
    },
  },
};

export const note = (id, extra = {}) => ({ id, type: 'note', order: 'a0', x: 0, y: 0, w: 10, h: 10, ...extra });

export const stateOf = (...records) => new Map(records.map((r) => [r.id, r]));
