// Vary region: the operator paints the part to repaint over the picture in a canvas. The strokes
// are kept in the picture's own pixels, so the mask sent (a PNG of the picture's size, white =
// repaint, black = keep) does not depend on how large the picture is shown.

import {el} from './dom.js';
import {picture} from './images.js';

export class MaskPainter {
  constructor(imageUrl) {
    this.strokes = [];
    this.brush = 0.08;
    this.image = picture(imageUrl, {class: 'mask-image', id: 'mask-image', loading: 'eager'});
    this.canvas = el('canvas', {class: 'mask-canvas', id: 'mask-canvas'});
    this.image.addEventListener('load', () => this.size());
    this.canvas.addEventListener('pointerdown', e => this.start(e));
    this.canvas.addEventListener('pointermove', e => this.move(e));
    for (const end of ['pointerup', 'pointerleave', 'pointercancel']) {
      this.canvas.addEventListener(end, () => { this.current = null; });
    }
  }

  element() {
    const brush = el('input', {type: 'range', min: 2, max: 30, value: 8, id: 'mask-brush',
      oninput: e => { this.brush = Number(e.target.value) / 100; }});
    return el('div', {class: 'mask'},
      el('div', {class: 'mask-stage'}, this.image, this.canvas),
      el('div', {class: 'mask-tools'}, el('label', {}, 'Brush ', brush),
        el('button', {type: 'button', class: 'small', id: 'mask-clear', onclick: () => this.clear()}, 'Clear')));
  }

  size() {
    this.width = this.image.naturalWidth;
    this.height = this.image.naturalHeight;
    this.canvas.width = this.width;
    this.canvas.height = this.height;
    this.draw(this.canvas.getContext('2d'), 'rgba(255, 64, 129, 0.55)', null);
  }

  point(event) {
    const box = this.canvas.getBoundingClientRect();
    return {x: (event.clientX - box.left) * this.width / box.width, y: (event.clientY - box.top) * this.height / box.height};
  }

  start(event) {
    if (!this.width) {
      return;
    }
    this.canvas.setPointerCapture(event.pointerId);
    this.current = {size: this.brush * Math.min(this.width, this.height), points: [this.point(event)]};
    this.strokes.push(this.current);
    this.size();
  }

  move(event) {
    if (this.current) {
      this.current.points.push(this.point(event));
      this.size();
    }
  }

  clear() {
    this.strokes = [];
    this.size();
  }

  isEmpty() {
    return this.strokes.length === 0;
  }

  draw(context, ink, background) {
    context.clearRect(0, 0, this.width, this.height);
    if (background) {
      context.fillStyle = background;
      context.fillRect(0, 0, this.width, this.height);
    }
    context.strokeStyle = ink;
    context.fillStyle = ink;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    for (const stroke of this.strokes) {
      context.lineWidth = stroke.size;
      context.beginPath();
      stroke.points.forEach((p, i) => (i === 0 ? context.moveTo(p.x, p.y) : context.lineTo(p.x, p.y)));
      if (stroke.points.length === 1) {
        context.arc(stroke.points[0].x, stroke.points[0].y, stroke.size / 2, 0, 2 * Math.PI);
        context.fill();
      } else {
        context.stroke();
      }
    }
  }

  /** The mask as a PNG data URL: white where painted, black elsewhere, the picture's size. */
  maskDataUrl() {
    const canvas = document.createElement('canvas');
    canvas.width = this.width;
    canvas.height = this.height;
    this.draw(canvas.getContext('2d'), '#ffffff', '#000000');
    return canvas.toDataURL('image/png');
  }
}
