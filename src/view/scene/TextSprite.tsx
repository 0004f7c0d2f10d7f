import { useLayoutEffect, useMemo } from 'react';
import { CanvasTexture, LinearFilter, SRGBColorSpace, Sprite, SpriteMaterial } from 'three';
import { useThree } from '@react-three/fiber';

const PX = 12; // label height on screen, CSS pixels

/**
 * A text label drawn into a small canvas texture on a sprite that keeps a constant size on
 * screen. In-scene (not DOM) labels stay out of React's DOM tree, so nothing has to be mounted
 * or unmounted per label, and they are part of a PNG export of the view.
 */
export function TextSprite({
  text,
  position,
  color = '#9aa3b2',
}: {
  text: string;
  position: [number, number, number];
  color?: string;
}) {
  const height = useThree((s) => s.size.height);
  const camera = useThree((s) => s.camera);
  const { sprite, aspect } = useMemo(() => {
    const scale = 3; // texture oversampling for crisp text on HiDPI screens
    const c = document.createElement('canvas');
    const ctx = c.getContext('2d')!;
    const font = `${PX * scale}px ui-monospace, Menlo, Consolas, monospace`;
    ctx.font = font;
    const w = Math.ceil(ctx.measureText(text).width) + 4 * scale;
    c.width = w;
    c.height = Math.ceil(PX * scale * 1.4);
    ctx.font = font;
    ctx.fillStyle = color;
    ctx.textBaseline = 'middle';
    ctx.fillText(text, 2 * scale, c.height / 2);
    const tex = new CanvasTexture(c);
    tex.colorSpace = SRGBColorSpace;
    tex.minFilter = LinearFilter;
    const mat = new SpriteMaterial({
      map: tex,
      sizeAttenuation: false,
      depthTest: false,
      transparent: true,
    });
    const s = new Sprite(mat);
    s.renderOrder = 10;
    return { sprite: s, aspect: c.width / c.height };
  }, [text, color]);
  useLayoutEffect(
    () => () => {
      sprite.material.map?.dispose();
      sprite.material.dispose();
    },
    [sprite],
  );
  // With sizeAttenuation off a sprite's projected height is scale.y · P[1][1] / 2 of the view.
  const p11 = camera.projectionMatrix.elements[5] || 2.6;
  const sy = (2 * PX * 1.4) / (p11 * Math.max(1, height));
  sprite.scale.set(sy * aspect, sy, 1);
  sprite.position.set(...position);
  return <primitive object={sprite} />;
}
