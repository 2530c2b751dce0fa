import { en, type MessageKey, type Messages } from './en';
import { ja } from './ja';

export type Localize = (key: MessageKey, ...args: (string | number)[]) => string;

export function dictionaryFor(locale: string): Messages {
  return locale.toLowerCase().startsWith('ja') ? ja : en;
}

export function createLocalizer(locale: string): Localize {
  const messages = dictionaryFor(locale);
  return (key, ...args) =>
    messages[key].replace(/\{(\d+)\}/g, (match, index: string) => {
      const value = args[Number(index)];
      return value === undefined ? match : String(value);
    });
}
