// A square canvas to draw a digit on with the mouse, a pen or a finger (Streamlit components v2).
// Bundled with the app: nothing is downloaded at run time.
// Sends `strokes` (a list of polylines, points [x, y] in [0, 1] of the canvas) to Python when a
// stroke ends or the canvas is cleared. Streamlit may call this function again on a rerun; the
// canvas is made once per mount and redrawn from the strokes it holds.
export default function (component) {
  const { parentElement, data, setStateValue } = component;
  const penWidth = (data && data.pen_width) || 0.06;
  let root = parentElement.querySelector(".nnx-draw");
  if (!root) {
    root = document.createElement("div");
    root.className = "nnx-draw";
    const canvas = document.createElement("canvas");
    canvas.className = "nnx-draw-canvas";
    canvas.setAttribute("role", "img");
    canvas.width = 560;
    canvas.height = 560;
    const clear = document.createElement("button");
    clear.className = "nnx-draw-clear";
    clear.type = "button";
    root.appendChild(canvas);
    root.appendChild(clear);
    parentElement.appendChild(root);
    root._strokes = (data && data.strokes) || [];
    root._current = null;

    const context = canvas.getContext("2d");
    const redraw = () => {
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.strokeStyle = "#111111";
      context.fillStyle = "#111111";
      context.lineCap = "round";
      context.lineJoin = "round";
      context.lineWidth = penWidth * canvas.width;
      const all = root._current ? root._strokes.concat([root._current]) : root._strokes;
      for (const stroke of all) {
        if (stroke.length === 1) {
          context.beginPath();
          context.arc(stroke[0][0] * canvas.width, stroke[0][1] * canvas.height, context.lineWidth / 2, 0, 2 * Math.PI);
          context.fill();
          continue;
        }
        context.beginPath();
        stroke.forEach(([x, y], i) => {
          if (i === 0) context.moveTo(x * canvas.width, y * canvas.height);
          else context.lineTo(x * canvas.width, y * canvas.height);
        });
        context.stroke();
      }
    };
    root._redraw = redraw;
    const point = (event) => {
      const box = canvas.getBoundingClientRect();
      const x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
      const y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
      return [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
    };
    canvas.addEventListener("pointerdown", (event) => {
      event.preventDefault();
      canvas.setPointerCapture(event.pointerId);
      root._current = [point(event)];
      redraw();
    });
    canvas.addEventListener("pointermove", (event) => {
      if (!root._current) return;
      event.preventDefault();
      root._current.push(point(event));
      redraw();
    });
    const finish = () => {
      if (!root._current) return;
      root._strokes = root._strokes.concat([root._current]);
      root._current = null;
      redraw();
      setStateValue("strokes", root._strokes);
    };
    canvas.addEventListener("pointerup", finish);
    canvas.addEventListener("pointercancel", finish);
    clear.addEventListener("click", () => {
      root._strokes = [];
      root._current = null;
      redraw();
      setStateValue("strokes", []);
    });
  }
  // Labels in the session's language, from Python, on every call (the language may change).
  const canvas = root.querySelector("canvas");
  canvas.setAttribute("aria-label", (data && data.label) || "");
  root.querySelector("button").textContent = (data && data.clear) || "Clear";
  root._redraw();
}
