/**
 * Validation rules in DHIS2's shape: left side, operator, right side, each side an expression (expression.ts).
 * Pure, so the browser checks a form as it is filled and the server checks the same rules before submission.
 */
import { evaluateExpression, parseExpression, type Operand, type ParseResult } from './expression.ts';

export const VALIDATION_OPERATORS = ['==', '!=', '<', '<=', '>', '>='] as const;
export type ValidationOperator = (typeof VALIDATION_OPERATORS)[number];

/** 'error' blocks submission; 'warning' is shown and may be ignored. */
export const VALIDATION_SEVERITIES = ['error', 'warning'] as const;
export type ValidationSeverity = (typeof VALIDATION_SEVERITIES)[number];

/** 'skip_if_any_missing': the rule waits until every value it reads is entered; 'never_skip': missing = 0. */
export const MISSING_VALUE_STRATEGIES = ['skip_if_any_missing', 'never_skip'] as const;
export type MissingValueStrategy = (typeof MISSING_VALUE_STRATEGIES)[number];

export interface ValidationRule {
  code: string;
  leftSide: string;
  operator: ValidationOperator;
  rightSide: string;
  severity: ValidationSeverity;
  missing: MissingValueStrategy;
  /** Vietnamese, shown to the person entering data. */
  message: string;
}

/** A broken rule with the values of both sides (null: a side divided by zero). */
export interface Violation {
  code: string;
  severity: ValidationSeverity;
  message: string;
  left: number | null;
  right: number | null;
}

/** A rule that could not be checked because a side does not parse (or the operator is unknown). */
export interface InvalidRule {
  code: string;
  error: string;
}

/**
 * Sums of decimals must still compare equal (0.1 + 0.2 == 0.3): 1e-9, widened for large values to 1e-14 of the
 * larger side (about 64 floating-point steps), so 100 000 000 000 and 100 000 000 001 still differ.
 */
const EPSILON = 1e-9;
const RELATIVE_EPSILON = 1e-14;

function holds(left: number, operator: ValidationOperator, right: number): boolean {
  const diff = left - right;
  const tolerance = Math.max(EPSILON, RELATIVE_EPSILON * Math.max(Math.abs(left), Math.abs(right)));
  switch (operator) {
    case '==':
      return Math.abs(diff) <= tolerance;
    case '!=':
      return Math.abs(diff) > tolerance;
    case '<':
      return diff < -tolerance;
    case '<=':
      return diff <= tolerance;
    case '>':
      return diff > tolerance;
    case '>=':
      return diff >= -tolerance;
  }
}

const sideError = (side: string, result: ParseResult) => (result.ok ? '' : `${side}: ${result.error}`);

/**
 * Checks rules against values and returns the violated ones. A rule that does not parse is set aside in
 * `invalid` rather than thrown, so one bad rule never stops a form from being checked in the browser.
 * With 'skip_if_any_missing' a rule is skipped when any operand of either side has no value, or a side has
 * none (division by zero); with 'never_skip' both count as 0.
 */
export function evaluateRules(
  rules: readonly ValidationRule[],
  lookup: (op: Operand) => number | null,
): { violations: Violation[]; invalid: InvalidRule[] } {
  const violations: Violation[] = [];
  const invalid: InvalidRule[] = [];
  for (const rule of rules) {
    if (!(VALIDATION_OPERATORS as readonly string[]).includes(rule.operator)) {
      invalid.push({ code: rule.code, error: `Phép so sánh không hợp lệ «${rule.operator}»` });
      continue;
    }
    const left = parseExpression(rule.leftSide);
    const right = parseExpression(rule.rightSide);
    if (!left.ok || !right.ok) {
      const error = left.ok ? sideError('Vế phải', right) : sideError('Vế trái', left);
      invalid.push({ code: rule.code, error });
      continue;
    }
    const skip = rule.missing === 'skip_if_any_missing';
    if (skip && [...left.operands, ...right.operands].some((op) => lookup(op) === null)) continue;
    const leftValue = evaluateExpression(left.ast, lookup, 'zero');
    const rightValue = evaluateExpression(right.ast, lookup, 'zero');
    if (skip && (leftValue === null || rightValue === null)) continue;
    if (!holds(leftValue ?? 0, rule.operator, rightValue ?? 0)) {
      const { code, severity, message } = rule;
      violations.push({ code, severity, message, left: leftValue, right: rightValue });
    }
  }
  return { violations, invalid };
}
