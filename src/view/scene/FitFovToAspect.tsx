import { useLayoutEffect } from 'react';
import { useThree } from '@react-three/fiber';
import { PerspectiveCamera } from 'three';

/**
 * A perspective camera's fov is vertical, so a view narrower than it is tall (a phone held
 * upright) crops the landscape's sides. Below the aspect the default camera was framed for,
 * widen the vertical fov until the horizontal field matches that framing again.
 */
export function FitFovToAspect({ fov, framedAspect }: { fov: number; framedAspect: number }) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  useLayoutEffect(() => {
    if (!(camera instanceof PerspectiveCamera) || size.height <= 0) return;
    const stretch = Math.max(1, framedAspect / (size.width / size.height));
    const half = Math.atan(Math.tan((fov * Math.PI) / 360) * stretch);
    camera.fov = (half * 360) / Math.PI;
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, size, fov, framedAspect, invalidate]);
  return null;
}
