// Undo and redo of edits: snapshots of the scenario file. Keystrokes in one field within a
// second make one step, as a user expects from a text field.
const LIMIT = 200;
const COALESCE_MS = 1000;

export class History {
  constructor() {
    this.clear();
  }

  clear() {
    this.past = [];
    this.future = [];
    this.lastKey = null;
    this.lastAt = 0;
  }

  // Call before applying an edit, with the scenario as it was and what is being edited.
  record(before, key) {
    const now = Date.now();
    const sameTyping = key !== null && key === this.lastKey && now - this.lastAt < COALESCE_MS;
    if (!sameTyping) {
      this.past.push(before);
      if (this.past.length > LIMIT) this.past.shift();
    }
    this.future = [];
    this.lastKey = key;
    this.lastAt = now;
  }

  undo(current) {
    if (this.past.length === 0) return null;
    this.future.push(current);
    this.lastKey = null;
    return this.past.pop();
  }

  redo(current) {
    if (this.future.length === 0) return null;
    this.past.push(current);
    this.lastKey = null;
    return this.future.pop();
  }

  get canUndo() {
    return this.past.length > 0;
  }

  get canRedo() {
    return this.future.length > 0;
  }
}
