/**
 * The record types as the server describes them in the welcome
 * (docs/PROTOCOL.md "Schema"): which props each type carries, which the
 * server owns, which references cascade on removal, and which action a
 * change needs. The client keeps no copy of these rules of its own.
 * @module schema
 */

/**
 * A described set of record types.
 */
export class Schema {
  /**
   * @param {{types?: object, serverOwned?: string[], boardRecordId?: string}} [described]
   *   welcome.schema (empty before the first welcome)
   */
  constructor(described = {}) {
    this.types = described.types || {};
    this.serverOwned = new Set(described.serverOwned || []);
    this.boardRecordId = described.boardRecordId || 'board';
    this.cascades = [];
    for (const [type, spec] of Object.entries(this.types)) {
      for (const [prop, rule] of Object.entries(spec.props || {})) {
        if (rule.kind === 'ref' && rule.cascade) this.cascades.push({ type, prop });
      }
    }
  }

  /**
   * One type's description, or undefined.
   * @param {string} name
   * @returns {{props: object, action: string, othersAction: string, authorOnly: string[],
   *   namesAuthor: boolean, singleton: boolean}|undefined}
   */
  type(name) {
    return this.types[name];
  }

  /**
   * The props a record of the type may carry besides id and type.
   * @param {string} name
   * @returns {string[]}
   */
  props(name) {
    return Object.keys(this.types[name]?.props || {});
  }

  /**
   * The props of a type that refer to another record, and whether the
   * record cannot do without each (a connector's ends) or can (a parent).
   * @param {string} name
   * @returns {{prop: string, required: boolean}[]}
   */
  references(name) {
    return Object.entries(this.types[name]?.props || {})
      .filter(([, rule]) => rule.kind === 'ref')
      .map(([prop, rule]) => ({ prop, required: !!rule.required }));
  }

  /**
   * Whether a prop of a type is merging text: edited with splices that the
   * server merges with what others type concurrently (SPEC T1).
   * @param {string} type
   * @param {string} prop
   * @returns {boolean}
   */
  merges(type, prop) {
    const rule = this.types[type]?.props?.[prop];
    return !!rule && rule.kind === 'text' && rule.merges === true;
  }

  /**
   * Whether the server stamps this prop (clients never send it).
   * @param {string} prop
   */
  isServerOwned(prop) {
    return this.serverOwned.has(prop);
  }
}
