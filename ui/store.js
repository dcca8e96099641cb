// The app's state in one place, and the one way to change it: `change` merges what changed
// and draws every view again from the state (the components redraw only what differs).
export function createStore(initial, draw) {
  const state = { ...initial };
  return {
    state,
    change(changes = {}) {
      Object.assign(state, changes);
      draw(state);
    },
  };
}
