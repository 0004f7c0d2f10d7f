import { useId } from 'react';
import { DOMAIN_NAMES, parseDomainBound, type Domain } from './parseInput.ts';
import { NumberField } from './TypedField.tsx';

interface Props {
  domain: Domain;
  onChange(domain: Domain): void;
}

/** The view window of a custom surface (where it is drawn and sampled). */
export function DomainFields({ domain, onChange }: Props) {
  const id = useId();
  return (
    <fieldset className="domain-fields">
      <legend>Domain</legend>
      {DOMAIN_NAMES.map((name, i) => (
        <label key={name} className="domain-field">
          <span>{name}</span>
          <NumberField
            id={`${id}-${i}`}
            value={domain[i]}
            parse={(t) => parseDomainBound(domain, i, t)}
            onCommit={(v) => onChange(domain.map((d, j) => (j === i ? v : d)) as Domain)}
          />
        </label>
      ))}
    </fieldset>
  );
}
