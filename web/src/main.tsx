import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './styles.css';
import { render } from 'preact';
import { applyLang, initialLang } from './i18n/i18n';
import { App } from './app/App';

applyLang(initialLang());
render(<App />, document.getElementById('root')!);
