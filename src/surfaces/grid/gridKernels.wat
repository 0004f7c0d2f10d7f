;; The grid sampler's per-vertex passes, in WebAssembly, and kernels for surfaces' grid loops
;; (a batched exp, the logistic surface's sums over its data).
;;
;; Why: these passes are a few loads, a square root, a division and six float32 stores per
;; vertex, and V8's JavaScript pays a bounds check and an overflow-checked index on every
;; typed-array access (and a detach check too, once any buffer in the page has been detached).
;; The same loops here run about twice as fast: npm run bench times Rastrigin's 256x256 grid at
;; 1.5 ms with them and 2.9 ms with the JavaScript passes, against a 3 ms budget.
;;
;; Small helpers are written out in each loop: this V8 does not inline wasm calls, and the call
;; cost a third of the normal pass. The log ($ln2) is the exception, called once per pair of
;; values: written out in lnHeights it saved 8%, not worth two copies.
;;
;; The exp and log below work on two lanes at a time (SIMD) in a loop of their own: with one
;; value per iteration, or inside the normals loop, the same arithmetic measured no faster than
;; calling Math.log, because then each iteration waits on its own long chain of dependent
;; operations. Their tables are correctly rounded (mathTables.ts); values outside the table
;; method's range are handed to the imported Math function.
;;
;; Each function but expInPlace is the exact twin of a JavaScript function (named below) and must
;; give bit-identical results: the same operations in the same order, float32 stores rounding to
;; nearest like Float32Array's, Math.log where the twin calls it, saturating float-to-int
;; conversions where the JavaScript writes `| 0` (the same on the bins' range, and both clamp to
;; it: select.ts binOf). Tests compare every buffer of both paths over the whole catalog, the
;; non-finite cases and 600 random grids of special values; the log and the logistic sums on
;; their own too (gridMath.test.ts, logisticGrid.test.ts).
;;
;; Size: the compiled module is just under 4 KB, the most Chrome compiles synchronously on the
;; main thread (gridMath.test.ts holds it there). Growing it means compiling it asynchronously
;; at startup (gridKernels.ts: kernelModule) and sampling with the JavaScript passes until then.
;;
;; Every pointer is a byte offset into the imported memory; f64 arrays are 8-byte aligned.
;; Keep this file ASCII: wabt misreads other characters.
;; scripts/build-wasm.mjs compiles this file into gridKernels.wasm.ts (committed).
(module
  (import "env" "memory" (memory 0))
  (import "env" "log" (func $log (param f64) (result f64)))
  (import "env" "exp" (func $exp (param f64) (result f64)))

  ;; Results beyond the return value: the valid min and max, how many normals overflowed (the
  ;; JavaScript finishes those), and the gather pass's ranges and back index.
  (global $lo (export "lo") (mut f64) (f64.const 0))
  (global $hi (export "hi") (mut f64) (f64.const 0))
  (global $steep (export "steep") (mut i32) (i32.const 0))
  (global $loZ (export "loZ") (mut f64) (f64.const 0))
  (global $hiZ (export "hiZ") (mut f64) (f64.const 0))
  (global $back (export "back") (mut i32) (i32.const 0))

  ;; Linear heights with the validity scan (gridPasses.ts: writeLinear). Returns the valid count.
  (func (export "writeLinear")
    (param $f i32) (param $gx i32) (param $gy i32) (param $mask i32) (param $z i32)
    (param $pos i32) (param $nrm i32) (param $count i32)
    (param $sz f64) (param $kx f64) (param $ky f64) (result i32)
    (local $k i32) (local $o8 i32) (local $o12 i32) (local $v f64) (local $valid i32)
    (local $lo f64) (local $hi f64) (local $p i32) (local $nx f64) (local $ny f64) (local $l2 f64)
    (local $inv f64)
    (local.set $lo (f64.const inf))
    (local.set $hi (f64.const -inf))
    (global.set $steep (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $o8 (i32.shl (local.get $k) (i32.const 3)))
        (local.set $v (f64.load (i32.add (local.get $f) (local.get $o8))))
        ;; storable: -F32_MAX <= v <= F32_MAX (false for NaN and +-Infinity)
        (if (i32.and
              (f64.ge (local.get $v) (f64.const -0x1.fffffep+127))
              (f64.le (local.get $v) (f64.const 0x1.fffffep+127)))
          (then
            (i32.store8 (i32.add (local.get $mask) (local.get $k)) (i32.const 0))
            (local.set $valid (i32.add (local.get $valid) (i32.const 1)))
            (if (f64.lt (local.get $v) (local.get $lo)) (then (local.set $lo (local.get $v))))
            (if (f64.gt (local.get $v) (local.get $hi)) (then (local.set $hi (local.get $v))))
            (f32.store
              (i32.add (local.get $z) (i32.shl (local.get $k) (i32.const 2)))
              (f32.demote_f64 (local.get $v)))
            (local.set $o12 (i32.mul (local.get $k) (i32.const 12)))
            (f32.store offset=8
              (i32.add (local.get $pos) (local.get $o12))
              (f32.demote_f64 (f64.mul (local.get $sz) (local.get $v))))
            ;; The unit normal (nx, ny, 1)/|(nx, ny, 1)| (gridPasses.ts: writeNormal, nz = 1).
            (local.set $p (i32.add (local.get $nrm) (local.get $o12)))
            (local.set $nx
              (f64.mul (f64.neg (local.get $kx)) (f64.load (i32.add (local.get $gx) (local.get $o8)))))
            (local.set $ny
              (f64.mul (f64.neg (local.get $ky)) (f64.load (i32.add (local.get $gy) (local.get $o8)))))
            (local.set $l2
              (f64.add
                (f64.add (f64.mul (local.get $nx) (local.get $nx)) (f64.mul (local.get $ny) (local.get $ny)))
                (f64.const 1)))
            ;; NaN < inf is false: a non-finite squared length is left for the JavaScript.
            (if (f64.lt (local.get $l2) (f64.const inf))
              (then
                (local.set $inv (f64.div (f64.const 1) (f64.sqrt (local.get $l2))))
                (f32.store (local.get $p) (f32.demote_f64 (f64.mul (local.get $nx) (local.get $inv))))
                (f32.store offset=4 (local.get $p) (f32.demote_f64 (f64.mul (local.get $ny) (local.get $inv))))
                (f32.store offset=8 (local.get $p) (f32.demote_f64 (local.get $inv))))
              (else (global.set $steep (i32.add (global.get $steep) (i32.const 1))))))
          (else (i32.store8 (i32.add (local.get $mask) (local.get $k)) (i32.const 1))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (global.set $lo (local.get $lo))
    (global.set $hi (local.get $hi))
    (local.get $valid))

  ;; The mask, the valid count (returned) and the valid min and max (gridPasses.ts: scanValid).
  (func (export "scanValid") (param $f i32) (param $mask i32) (param $count i32) (result i32)
    (local $k i32) (local $v f64) (local $valid i32) (local $lo f64) (local $hi f64)
    (local.set $lo (f64.const inf))
    (local.set $hi (f64.const -inf))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $v (f64.load (i32.add (local.get $f) (i32.shl (local.get $k) (i32.const 3)))))
        (if (i32.and
              (f64.ge (local.get $v) (f64.const -0x1.fffffep+127))
              (f64.le (local.get $v) (f64.const 0x1.fffffep+127)))
          (then
            (i32.store8 (i32.add (local.get $mask) (local.get $k)) (i32.const 0))
            (local.set $valid (i32.add (local.get $valid) (i32.const 1)))
            (if (f64.lt (local.get $v) (local.get $lo)) (then (local.set $lo (local.get $v))))
            (if (f64.gt (local.get $v) (local.get $hi)) (then (local.set $hi (local.get $v)))))
          (else (i32.store8 (i32.add (local.get $mask) (local.get $k)) (i32.const 1))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (global.set $lo (local.get $lo))
    (global.set $hi (local.get $hi))
    (local.get $valid))

  ;; Log heights z = ln(1 + f - fMin), world Z and normals, after the scan and the clamp, with
  ;; the logs from lnHeights at $logs (gridPasses.ts: writeLog). Two vertices at a time: the
  ;; square roots and divisions of their normals in one lane each.
  (func (export "writeLog")
    (param $f i32) (param $gx i32) (param $gy i32) (param $mask i32) (param $z i32)
    (param $pos i32) (param $nrm i32) (param $count i32) (param $logs i32)
    (param $fMin f64) (param $sz f64) (param $kx f64) (param $ky f64)
    (local $k i32) (local $o8 i32) (local $p i32) (local $u v128) (local $zk v128)
    (local $nx v128) (local $ny v128) (local $l2 v128) (local $inv v128) (local $w v128)
    (global.set $steep (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (i32.add (local.get $k) (i32.const 1)) (local.get $count)))
        (local.set $o8 (i32.shl (local.get $k) (i32.const 3)))
        (local.set $u
          (f64x2.add (v128.const f64x2 1 1)
            (f64x2.sub (v128.load (i32.add (local.get $f) (local.get $o8))) (f64x2.splat (local.get $fMin)))))
        (local.set $nx
          (f64x2.mul (f64x2.splat (f64.neg (local.get $kx))) (v128.load (i32.add (local.get $gx) (local.get $o8)))))
        (local.set $ny
          (f64x2.mul (f64x2.splat (f64.neg (local.get $ky))) (v128.load (i32.add (local.get $gy) (local.get $o8)))))
        (local.set $l2
          (f64x2.add
            (f64x2.add (f64x2.mul (local.get $nx) (local.get $nx)) (f64x2.mul (local.get $ny) (local.get $ny)))
            (f64x2.mul (local.get $u) (local.get $u))))
        (if (i32.and
              (i32.eqz (i32.load16_u (i32.add (local.get $mask) (local.get $k))))
              (i64x2.all_true (f64x2.lt (local.get $l2) (v128.const f64x2 inf inf))))
          (then
            (local.set $zk (v128.load (i32.add (local.get $logs) (local.get $o8))))
            (v128.store64_lane 0
              (i32.add (local.get $z) (i32.shl (local.get $k) (i32.const 2)))
              (f32x4.demote_f64x2_zero (local.get $zk)))
            (local.set $p (i32.add (local.get $pos) (i32.mul (local.get $k) (i32.const 12))))
            (local.set $w (f32x4.demote_f64x2_zero (f64x2.mul (f64x2.splat (local.get $sz)) (local.get $zk))))
            (f32.store offset=8 (local.get $p) (f32x4.extract_lane 0 (local.get $w)))
            (f32.store offset=20 (local.get $p) (f32x4.extract_lane 1 (local.get $w)))
            (local.set $inv (f64x2.div (v128.const f64x2 1 1) (f64x2.sqrt (local.get $l2))))
            (local.set $p (i32.add (local.get $nrm) (i32.mul (local.get $k) (i32.const 12))))
            (local.set $w (f32x4.demote_f64x2_zero (f64x2.mul (local.get $nx) (local.get $inv))))
            (f32.store (local.get $p) (f32x4.extract_lane 0 (local.get $w)))
            (f32.store offset=12 (local.get $p) (f32x4.extract_lane 1 (local.get $w)))
            (local.set $w (f32x4.demote_f64x2_zero (f64x2.mul (local.get $ny) (local.get $inv))))
            (f32.store offset=4 (local.get $p) (f32x4.extract_lane 0 (local.get $w)))
            (f32.store offset=16 (local.get $p) (f32x4.extract_lane 1 (local.get $w)))
            (local.set $w (f32x4.demote_f64x2_zero (f64x2.mul (local.get $u) (local.get $inv))))
            (f32.store offset=8 (local.get $p) (f32x4.extract_lane 0 (local.get $w)))
            (f32.store offset=20 (local.get $p) (f32x4.extract_lane 1 (local.get $w))))
          (else
            (call $writeLogRange
              (local.get $f) (local.get $gx) (local.get $gy) (local.get $mask) (local.get $z)
              (local.get $pos) (local.get $nrm) (local.get $k) (i32.add (local.get $k) (i32.const 2))
              (local.get $logs) (local.get $fMin) (local.get $sz) (local.get $kx) (local.get $ky))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $next)))
    (call $writeLogRange
      (local.get $f) (local.get $gx) (local.get $gy) (local.get $mask) (local.get $z)
      (local.get $pos) (local.get $nrm) (local.get $k) (local.get $count)
      (local.get $logs) (local.get $fMin) (local.get $sz) (local.get $kx) (local.get $ky)))

  ;; writeLog's vertices $k to $end - 1, one at a time: where a pair has a masked or steep vertex,
  ;; and an odd count's last one.
  (func $writeLogRange
    (param $f i32) (param $gx i32) (param $gy i32) (param $mask i32) (param $z i32)
    (param $pos i32) (param $nrm i32) (param $k i32) (param $count i32) (param $logs i32)
    (param $fMin f64) (param $sz f64) (param $kx f64) (param $ky f64)
    (local $o8 i32) (local $o12 i32) (local $u f64) (local $zk f64) (local $p i32)
    (local $nx f64) (local $ny f64) (local $l2 f64) (local $inv f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $o8 (i32.shl (local.get $k) (i32.const 3)))
        (local.set $u
          (f64.add (f64.const 1)
            (f64.sub (f64.load (i32.add (local.get $f) (local.get $o8))) (local.get $fMin))))
        (local.set $zk (f64.load (i32.add (local.get $logs) (local.get $o8))))
        (f32.store
          (i32.add (local.get $z) (i32.shl (local.get $k) (i32.const 2)))
          (f32.demote_f64 (local.get $zk)))
        (local.set $o12 (i32.mul (local.get $k) (i32.const 12)))
        (f32.store offset=8
          (i32.add (local.get $pos) (local.get $o12))
          (f32.demote_f64 (f64.mul (local.get $sz) (local.get $zk))))
        (local.set $p (i32.add (local.get $nrm) (local.get $o12)))
        (if (i32.load8_u (i32.add (local.get $mask) (local.get $k)))
          (then
            (f32.store (local.get $p) (f32.const 0))
            (f32.store offset=4 (local.get $p) (f32.const 0))
            (f32.store offset=8 (local.get $p) (f32.const 1)))
          (else
            ;; The normal (nx, ny, u)/|(nx, ny, u)|: (nx/u, ny/u, 1) scaled by u (gridPasses.ts).
            (local.set $nx
              (f64.mul (f64.neg (local.get $kx)) (f64.load (i32.add (local.get $gx) (local.get $o8)))))
            (local.set $ny
              (f64.mul (f64.neg (local.get $ky)) (f64.load (i32.add (local.get $gy) (local.get $o8)))))
            (local.set $l2
              (f64.add
                (f64.add (f64.mul (local.get $nx) (local.get $nx)) (f64.mul (local.get $ny) (local.get $ny)))
                (f64.mul (local.get $u) (local.get $u))))
            ;; NaN < inf is false: a non-finite squared length is left for the JavaScript.
            (if (f64.lt (local.get $l2) (f64.const inf))
              (then
                (local.set $inv (f64.div (f64.const 1) (f64.sqrt (local.get $l2))))
                (f32.store (local.get $p) (f32.demote_f64 (f64.mul (local.get $nx) (local.get $inv))))
                (f32.store offset=4 (local.get $p) (f32.demote_f64 (f64.mul (local.get $ny) (local.get $inv))))
                (f32.store offset=8 (local.get $p) (f32.demote_f64 (f64.mul (local.get $u) (local.get $inv)))))
              (else (global.set $steep (i32.add (global.get $steep) (i32.const 1)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))

  ;; Histogram of the valid values into $bins uint32 counts, zeroed first (select.ts: countBins).
  (func (export "countBins")
    (param $values i32) (param $mask i32) (param $count i32) (param $lo f64) (param $scale f64)
    (param $counts i32) (param $bins i32)
    (local $k i32) (local $c i32) (local $b i32)
    (memory.fill (local.get $counts) (i32.const 0) (i32.shl (local.get $bins) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (if (i32.eqz (i32.load8_u (i32.add (local.get $mask) (local.get $k))))
          (then
            ;; The bin: floor((v - lo) * scale), the last one for v = hi (select.ts: binOf).
            (local.set $b
              (i32.trunc_sat_f64_s
                (f64.mul
                  (f64.sub
                    (f64.load (i32.add (local.get $values) (i32.shl (local.get $k) (i32.const 3))))
                    (local.get $lo))
                  (local.get $scale))))
            ;; Clamped to [0, bins - 1] (unsigned: a negative b is huge), so that a lo above the
            ;; true minimum can miscount but never write outside the histogram.
            (if (i32.ge_u (local.get $b) (local.get $bins))
              (then
                (local.set $b
                  (select (i32.const 0) (i32.sub (local.get $bins) (i32.const 1))
                    (i32.lt_s (local.get $b) (i32.const 0))))))
            (local.set $c (i32.add (local.get $counts) (i32.shl (local.get $b) (i32.const 2))))
            (i32.store (local.get $c) (i32.add (i32.load (local.get $c)) (i32.const 1)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))

  ;; The valid values of bin $binLo to the front of scratch (their count is returned, their
  ;; range goes to $lo/$hi) and of bin $binHi to its back, from index $count down (the first
  ;; index used goes to $back, the range to $loZ/$hiZ) (select.ts: gatherBins).
  (func (export "gatherBins")
    (param $values i32) (param $mask i32) (param $count i32) (param $lo f64) (param $scale f64)
    (param $bins i32) (param $binLo i32) (param $binHi i32) (param $scratch i32) (result i32)
    (local $k i32) (local $v f64) (local $b i32) (local $a i32) (local $z i32)
    (local $loA f64) (local $hiA f64) (local $loZ f64) (local $hiZ f64)
    (local.set $z (local.get $count))
    (local.set $loA (f64.const inf))
    (local.set $hiA (f64.const -inf))
    (local.set $loZ (f64.const inf))
    (local.set $hiZ (f64.const -inf))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (if (i32.eqz (i32.load8_u (i32.add (local.get $mask) (local.get $k))))
          (then
            (local.set $v
              (f64.load (i32.add (local.get $values) (i32.shl (local.get $k) (i32.const 3)))))
            ;; The same bin arithmetic as countBins.
            (local.set $b
              (i32.trunc_sat_f64_s
                (f64.mul (f64.sub (local.get $v) (local.get $lo)) (local.get $scale))))
            ;; Clamped to [0, bins - 1] (unsigned: a negative b is huge), so that a lo above the
            ;; true minimum can miscount but never write outside the histogram.
            (if (i32.ge_u (local.get $b) (local.get $bins))
              (then
                (local.set $b
                  (select (i32.const 0) (i32.sub (local.get $bins) (i32.const 1))
                    (i32.lt_s (local.get $b) (i32.const 0))))))
            (if (i32.eq (local.get $b) (local.get $binLo))
              (then
                (f64.store
                  (i32.add (local.get $scratch) (i32.shl (local.get $a) (i32.const 3)))
                  (local.get $v))
                (local.set $a (i32.add (local.get $a) (i32.const 1)))
                (if (f64.lt (local.get $v) (local.get $loA)) (then (local.set $loA (local.get $v))))
                (if (f64.gt (local.get $v) (local.get $hiA)) (then (local.set $hiA (local.get $v)))))
              (else
                (if (i32.eq (local.get $b) (local.get $binHi))
                  (then
                    (local.set $z (i32.sub (local.get $z) (i32.const 1)))
                    (f64.store
                      (i32.add (local.get $scratch) (i32.shl (local.get $z) (i32.const 3)))
                      (local.get $v))
                    (if (f64.lt (local.get $v) (local.get $loZ)) (then (local.set $loZ (local.get $v))))
                    (if (f64.gt (local.get $v) (local.get $hiZ)) (then (local.set $hiZ (local.get $v))))))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (global.set $lo (local.get $loA))
    (global.set $hi (local.get $hiA))
    (global.set $loZ (local.get $loZ))
    (global.set $hiZ (local.get $hiZ))
    (global.set $back (local.get $z))
    (local.get $a))

  ;; ln u of two values (gridLog.ts: lnAtLeastOne, where the method is explained, bit for bit).
  ;; $table holds (1/c, ln c) pairs, 16 bytes each (gridLog.ts: LN_PAIRS). A lane whose u is not
  ;; in [1, inf) takes Math.log.
  (func $ln2 (param $u v128) (param $table i32) (result v128)
    (local $bits v128) (local $t0 i32) (local $t1 i32) (local $r v128) (local $r2 v128)
    (local $e v128) (local $v v128) (local $bad v128)
    (local.set $bits (local.get $u))
    ;; Table entry i (the top 7 bits of the fraction) at $table + 16 i.
    (local.set $t0
      (i32.add (local.get $table)
        (i32.and (i32.wrap_i64 (i64x2.extract_lane 0 (i64x2.shr_u (local.get $bits) (i32.const 41))))
          (i32.const 0x7f0))))
    (local.set $t1
      (i32.add (local.get $table)
        (i32.and (i32.wrap_i64 (i64x2.extract_lane 1 (i64x2.shr_u (local.get $bits) (i32.const 41))))
          (i32.const 0x7f0))))
    ;; r = (m - c) * (1/c): m is u's fraction with exponent 0, c its first 7 bits.
    (local.set $r
      (f64x2.mul
        (f64x2.sub
          (v128.or (v128.and (local.get $bits) (v128.const i64x2 0x000fffffffffffff 0x000fffffffffffff))
            (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000))
          (v128.or (v128.and (local.get $bits) (v128.const i64x2 0x000fe00000000000 0x000fe00000000000))
            (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000)))
        (v128.load64_lane 1 (local.get $t1) (v128.load64_zero (local.get $t0)))))
    ;; e as a double, without a conversion instruction: 2^52 + 1023 + e has e + 1023 in its
    ;; low bits, and subtracting 2^52 + 1023 is exact.
    (local.set $e
      (f64x2.sub
        (v128.or (i64x2.shr_u (local.get $bits) (i32.const 52))
          (v128.const i64x2 0x4330000000000000 0x4330000000000000))
        (v128.const f64x2 0x1.00000000003ffp+52 0x1.00000000003ffp+52)))
    (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
    ;; (e ln2_hi + ln c) + (e ln2_lo + (r + r2 p)),
    ;; p = (A1 + r A2) + r2 ((A3 + r A4) + r2 ((A5 + r A6) + r2 A7)).
    (local.set $v
      (f64x2.add
        (f64x2.add
          (f64x2.mul (local.get $e) (v128.const f64x2 0x1.62e42feep-1 0x1.62e42feep-1))
          (v128.load64_lane offset=8 1 (local.get $t1) (v128.load64_zero offset=8 (local.get $t0))))
        (f64x2.add
          (f64x2.mul (local.get $e)
            (v128.const f64x2 0x1.a39ef35793c76p-33 0x1.a39ef35793c76p-33))
          (f64x2.add (local.get $r)
            (f64x2.mul (local.get $r2)
              (f64x2.add
                (f64x2.add (v128.const f64x2 -0.5 -0.5)
                  (f64x2.mul (local.get $r)
                    (v128.const f64x2 0x1.5555555555555p-2 0x1.5555555555555p-2)))
                (f64x2.mul (local.get $r2)
                  (f64x2.add
                    (f64x2.add (v128.const f64x2 -0.25 -0.25)
                      (f64x2.mul (local.get $r)
                        (v128.const f64x2 0x1.999999999999ap-3 0x1.999999999999ap-3)))
                    (f64x2.mul (local.get $r2)
                      (f64x2.add
                        (f64x2.add
                          (v128.const f64x2 -0x1.5555555555555p-3 -0x1.5555555555555p-3)
                          (f64x2.mul (local.get $r)
                            (v128.const f64x2 0x1.2492492492492p-3 0x1.2492492492492p-3)))
                        (f64x2.mul (local.get $r2) (v128.const f64x2 -0.125 -0.125))))))))))))
    ;; Lanes outside [1, inf) (NaN included): Math.log.
    (local.set $bad
      (v128.not
        (v128.and
          (f64x2.ge (local.get $u) (v128.const f64x2 1 1))
          (f64x2.lt (local.get $u) (v128.const f64x2 inf inf)))))
    (if (v128.any_true (local.get $bad))
      (then
        (if (i64.ne (i64x2.extract_lane 0 (local.get $bad)) (i64.const 0))
          (then
            (local.set $v
              (f64x2.replace_lane 0 (local.get $v)
                (call $log (f64x2.extract_lane 0 (local.get $u)))))))
        (if (i64.ne (i64x2.extract_lane 1 (local.get $bad)) (i64.const 0))
          (then
            (local.set $v
              (f64x2.replace_lane 1 (local.get $v)
                (call $log (f64x2.extract_lane 1 (local.get $u)))))))))
    (local.get $v))

  ;; out[k] = ln(1 + (f[k] - fMin)) for k < count, two at a time ($ln2). An odd count's last
  ;; value is read twice and stored once.
  (func (export "lnHeights")
    (param $f i32) (param $out i32) (param $count i32) (param $fMin f64) (param $table i32)
    (local $k i32) (local $at i32) (local $last i32) (local $fm v128) (local $v v128)
    (local.set $fm (f64x2.splat (local.get $fMin)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $at (i32.add (local.get $f) (i32.shl (local.get $k) (i32.const 3))))
        (local.set $last (i32.eq (i32.add (local.get $k) (i32.const 1)) (local.get $count)))
        (local.set $v
          (call $ln2
            (f64x2.add (v128.const f64x2 1 1)
              (f64x2.sub
                (if (result v128) (local.get $last)
                  (then (v128.load64_splat (local.get $at)))
                  (else (v128.load (local.get $at))))
                (local.get $fm)))
            (local.get $table)))
        (local.set $at (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 3))))
        (if (local.get $last)
          (then (v128.store64_lane 0 (local.get $at) (local.get $v)))
          (else (v128.store (local.get $at) (local.get $v))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $next))))

  ;; values[k] = exp(values[k]) for k < count, in place, two at a time, within 1 ulp (the test
  ;; measures it against Math.exp). $table holds 2^(j/128), j = 0..127 (mathTables.ts). The
  ;; method of Tang (1989), as in today's libm exps:
  ;;   x = k ln2/128 + r, |r| <= ln2/256;  exp x = 2^(k >> 7) 2^((k & 127)/128) exp r,
  ;;   exp r = 1 + r + r^2/2 + ... + r^5/120 (the next term is below 2^-60),
  ;; with ln2/128 split so that k times its high part is exact. |x| > 708 (over- and underflow,
  ;; subnormal results) and NaN take Math.exp. An odd count's last value is read twice and
  ;; stored once.
  (func (export "expInPlace") (param $values i32) (param $count i32) (param $table i32)
    (local $k i32) (local $at i32) (local $last i32) (local $x v128) (local $kd v128)
    (local $ki v128) (local $r v128) (local $r2 v128) (local $t0 i32) (local $t1 i32)
    (local $scale v128) (local $v v128) (local $bad v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $at (i32.add (local.get $values) (i32.shl (local.get $k) (i32.const 3))))
        (local.set $last (i32.eq (i32.add (local.get $k) (i32.const 1)) (local.get $count)))
        (local.set $x
          (if (result v128) (local.get $last)
            (then (v128.load64_splat (local.get $at)))
            (else (v128.load (local.get $at)))))
        ;; k = round(x 128/ln2): adding 1.5 * 2^52 rounds to an integer and leaves it in the
        ;; low bits.
        (local.set $kd
          (f64x2.add
            (f64x2.mul (local.get $x)
              (v128.const f64x2 0x1.71547652b82fep+7 0x1.71547652b82fep+7))
            (v128.const f64x2 0x1.8p52 0x1.8p52)))
        (local.set $ki (local.get $kd))
        (local.set $kd (f64x2.sub (local.get $kd) (v128.const f64x2 0x1.8p52 0x1.8p52)))
        (local.set $r
          (f64x2.sub
            (f64x2.sub (local.get $x)
              (f64x2.mul (local.get $kd)
                (v128.const f64x2 0x1.62e42fefp-8 0x1.62e42fefp-8)))
            (f64x2.mul (local.get $kd)
              (v128.const f64x2 0x1.473de6af278edp-41 0x1.473de6af278edp-41))))
        ;; 2^((k & 127)/128) from the table, with k >> 7 added to its exponent.
        (local.set $t0
          (i32.add (local.get $table)
            (i32.shl (i32.and (i32.wrap_i64 (i64x2.extract_lane 0 (local.get $ki))) (i32.const 127))
              (i32.const 3))))
        (local.set $t1
          (i32.add (local.get $table)
            (i32.shl (i32.and (i32.wrap_i64 (i64x2.extract_lane 1 (local.get $ki))) (i32.const 127))
              (i32.const 3))))
        (local.set $scale
          (i64x2.add
            (v128.load64_lane 1 (local.get $t1) (v128.load64_zero (local.get $t0)))
            (i64x2.shl (i64x2.shr_s (local.get $ki) (i32.const 7)) (i32.const 52))))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        ;; exp r - 1 = (r + r2 (1/2 + r/6)) + r2^2 (1/24 + r/120); result scale + scale (exp r - 1).
        (local.set $v
          (f64x2.add (local.get $scale)
            (f64x2.mul (local.get $scale)
              (f64x2.add
                (f64x2.add (local.get $r)
                  (f64x2.mul (local.get $r2)
                    (f64x2.add (v128.const f64x2 0.5 0.5)
                      (f64x2.mul (local.get $r)
                        (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3)))))
                (f64x2.mul (f64x2.mul (local.get $r2) (local.get $r2))
                  (f64x2.add (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5)
                    (f64x2.mul (local.get $r)
                      (v128.const f64x2 0x1.1111111111111p-7 0x1.1111111111111p-7))))))))
        ;; Lanes with |x| > 708 or NaN: Math.exp.
        (local.set $bad
          (v128.not (f64x2.le (f64x2.abs (local.get $x)) (v128.const f64x2 708 708))))
        (if (v128.any_true (local.get $bad))
          (then
            (if (i64.ne (i64x2.extract_lane 0 (local.get $bad)) (i64.const 0))
              (then
                (local.set $v
                  (f64x2.replace_lane 0 (local.get $v)
                    (call $exp (f64x2.extract_lane 0 (local.get $x)))))))
            (if (i64.ne (i64x2.extract_lane 1 (local.get $bad)) (i64.const 0))
              (then
                (local.set $v
                  (f64x2.replace_lane 1 (local.get $v)
                    (call $exp (f64x2.extract_lane 1 (local.get $x)))))))))
        (if (local.get $last)
          (then (v128.store64_lane 0 (local.get $at) (local.get $v)))
          (else (v128.store (local.get $at) (local.get $v))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $next))))

;; The logistic surface's grid loop (catalog/data/logisticGrid.ts: logisticSums, whose JavaScript
  ;; loop is its twin, bit for bit), four vertices of a row at a time as two pairs, A and B (two
  ;; independent chains hide some of each other's latency: 1.2x as fast as one pair at a time). For each vertex:
  ;; the sum over examples of log(1 + e^z), taken per chunk of $chunk examples as the log of a
  ;; product carried as q = prod(1 + e) - 1 (q = q (1 + e) + e), and the gradient sums
  ;; g = sum of -(e/(1 + e)) y x.
  ;;   $data: (y x1, y x2) per example, 16 bytes each;
  ;;   $exT: e^(-y w1 x1) for example p and column i, grouped by four columns so that a group's
  ;;     loop reads memory in order: at ((i - i mod 4) $n + 4 p + i mod 4) 8, for i up to
  ;;     $stride, a multiple of 4 (a row's last group may hold padding columns);
  ;;   $eyT: e^(-y w2 x2) for row j and example p at ($j $n + $p) 8;
  ;;   $out: three arrays of $ny $stride doubles: the sums, g1, g2, at ($j $stride + $i) 8.
  (func (export "logisticGrid")
    (param $stride i32) (param $ny i32) (param $n i32) (param $chunk i32) (param $table i32)
    (param $data i32) (param $exT i32) (param $eyT i32) (param $out i32)
    (local $j i32) (local $i i32) (local $p i32) (local $end i32) (local $row i32)
    (local $at i32) (local $d i32) (local $col i32) (local $group i32) (local $plane i32)
    (local $ey v128) (local $yx1 v128) (local $yx2 v128)
    (local $eA v128) (local $tA v128) (local $qA v128) (local $cA v128)
    (local $sumA v128) (local $g1A v128) (local $g2A v128)
    (local $eB v128) (local $tB v128) (local $qB v128) (local $cB v128)
    (local $sumB v128) (local $g1B v128) (local $g2B v128)
    (local.set $plane (i32.shl (i32.mul (local.get $ny) (local.get $stride)) (i32.const 3)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $j) (local.get $ny)))
        (local.set $row (i32.add (local.get $eyT) (i32.shl (i32.mul (local.get $j) (local.get $n)) (i32.const 3))))
        (local.set $i (i32.const 0))
        (block $groupsDone
          (loop $groups
            (br_if $groupsDone (i32.ge_u (local.get $i) (local.get $stride)))
            (local.set $sumA (v128.const f64x2 0 0))
            (local.set $g1A (v128.const f64x2 0 0))
            (local.set $g2A (v128.const f64x2 0 0))
            (local.set $sumB (v128.const f64x2 0 0))
            (local.set $g1B (v128.const f64x2 0 0))
            (local.set $g2B (v128.const f64x2 0 0))
            (local.set $p (i32.const 0))
            ;; This group's four columns, example by example: 32 bytes an example.
            (local.set $group
              (i32.add (local.get $exT) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 3))))
            (block $chunksDone
              (loop $chunks
                (br_if $chunksDone (i32.ge_u (local.get $p) (local.get $n)))
                (local.set $end (i32.add (local.get $p) (local.get $chunk)))
                (if (i32.gt_u (local.get $end) (local.get $n)) (then (local.set $end (local.get $n))))
                (local.set $qA (v128.const f64x2 0 0))
                (local.set $qB (v128.const f64x2 0 0))
                (block $examplesDone
                  (loop $examples
                    (br_if $examplesDone (i32.ge_u (local.get $p) (local.get $end)))
                    (local.set $d (i32.add (local.get $data) (i32.shl (local.get $p) (i32.const 4))))
                    (local.set $yx1 (v128.load64_splat (local.get $d)))
                    (local.set $yx2 (v128.load64_splat offset=8 (local.get $d)))
                    (local.set $ey
                      (v128.load64_splat (i32.add (local.get $row) (i32.shl (local.get $p) (i32.const 3)))))
                    (local.set $col
                      (i32.add (local.get $group) (i32.shl (local.get $p) (i32.const 5))))
                    ;; e = e^(-y w1 x1) e^(-y w2 x2) = e^z; t = 1 + e; q = q t + e; c = e/t;
                    ;; g1 = g1 - c y x1; g2 = g2 - c y x2.
                    (local.set $eA
                      (f64x2.mul
                        (v128.load offset=0 (local.get $col))
                        (local.get $ey)))
                    (local.set $tA (f64x2.add (v128.const f64x2 1 1) (local.get $eA)))
                    (local.set $qA (f64x2.add (f64x2.mul (local.get $qA) (local.get $tA)) (local.get $eA)))
                    (local.set $cA (f64x2.div (local.get $eA) (local.get $tA)))
                    (local.set $g1A (f64x2.sub (local.get $g1A) (f64x2.mul (local.get $cA) (local.get $yx1))))
                    (local.set $g2A (f64x2.sub (local.get $g2A) (f64x2.mul (local.get $cA) (local.get $yx2))))
                    (local.set $eB
                      (f64x2.mul
                        (v128.load offset=16 (local.get $col))
                        (local.get $ey)))
                    (local.set $tB (f64x2.add (v128.const f64x2 1 1) (local.get $eB)))
                    (local.set $qB (f64x2.add (f64x2.mul (local.get $qB) (local.get $tB)) (local.get $eB)))
                    (local.set $cB (f64x2.div (local.get $eB) (local.get $tB)))
                    (local.set $g1B (f64x2.sub (local.get $g1B) (f64x2.mul (local.get $cB) (local.get $yx1))))
                    (local.set $g2B (f64x2.sub (local.get $g2B) (f64x2.mul (local.get $cB) (local.get $yx2))))
                    (local.set $p (i32.add (local.get $p) (i32.const 1)))
                    (br $examples)))
                (local.set $sumA
                  (f64x2.add (local.get $sumA)
                    (call $ln2 (f64x2.add (v128.const f64x2 1 1) (local.get $qA)) (local.get $table))))
                (local.set $sumB
                  (f64x2.add (local.get $sumB)
                    (call $ln2 (f64x2.add (v128.const f64x2 1 1) (local.get $qB)) (local.get $table))))
                (br $chunks)))
            (local.set $at
              (i32.add (local.get $out)
                (i32.shl
                  (i32.add (i32.mul (local.get $j) (local.get $stride)) (local.get $i))
                  (i32.const 3))))
            (v128.store offset=0 (local.get $at) (local.get $sumA))
            (v128.store offset=0 (i32.add (local.get $at) (local.get $plane)) (local.get $g1A))
            (v128.store offset=0
              (i32.add (local.get $at) (i32.shl (local.get $plane) (i32.const 1)))
              (local.get $g2A))
            (v128.store offset=16 (local.get $at) (local.get $sumB))
            (v128.store offset=16 (i32.add (local.get $at) (local.get $plane)) (local.get $g1B))
            (v128.store offset=16
              (i32.add (local.get $at) (i32.shl (local.get $plane) (i32.const 1)))
              (local.get $g2B))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $groups)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows))))
)
